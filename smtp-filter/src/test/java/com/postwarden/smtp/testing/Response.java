package com.postwarden.smtp.testing;

import com.postwarden.smtp.reply.SmtpReply;

import java.util.Objects;

/**
 * What a {@link ScriptedSmtpServer} does in place of its normal answer: reply, send raw text, hang or hang up.
 */
public sealed interface Response {

    /** Sends this reply; a positive one to MAIL, RCPT or DATA also lets the transaction go on as normal. */
    record Reply(SmtpReply reply) implements Response {
        public Reply {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Sends this text and CRLF as it is: for garbage, or replies {@link SmtpReply} would not allow. */
    record Raw(String text) implements Response {
        public Raw {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Sends nothing and ignores all input until the client goes away or the server closes: causes timeouts. */
    record Hang() implements Response {
    }

    /** Closes the connection at once, without a reply. */
    record Disconnect() implements Response {
    }

    static Response reply(int code, String enhanced, String text) {
        return new Reply(SmtpReply.of(code, enhanced, text));
    }

    static Response reply(SmtpReply reply) {
        return new Reply(reply);
    }

    static Response raw(String text) {
        return new Raw(text);
    }

    static Response hang() {
        return new Hang();
    }

    static Response disconnect() {
        return new Disconnect();
    }

    /** Whether this response lets the command take effect. */
    default boolean isPositive() {
        return this instanceof Reply r && r.reply().isPositive();
    }
}
