package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;

import java.io.IOException;

/**
 * An I/O-level failure of a relay attempt whose reply is already decided: the next hop said {@code 421}, refused
 * the session or TLS, or the message could not be read locally. The message is for logs, the reply for recipients.
 */
final class RelayFailure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    RelayFailure(SmtpReply reply, String detail) {
        super(detail);
        this.reply = reply;
    }

    RelayFailure(SmtpReply reply) {
        this(reply, reply.toString());
    }

    SmtpReply reply() {
        return reply;
    }
}
