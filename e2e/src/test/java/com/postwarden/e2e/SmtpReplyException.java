package com.postwarden.e2e;

import java.io.IOException;

/** The server answered a command of {@link MailInjector} with something other than expected. */
public final class SmtpReplyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final int code;
    private final String reply;

    SmtpReplyException(String stage, int code, String reply) {
        super(stage + " answered: " + reply);
        this.stage = stage;
        this.code = code;
        this.reply = reply;
    }

    /** The step that failed: "greeting", "EHLO", "MAIL FROM", "RCPT TO", "DATA", "end of data". */
    public String stage() {
        return stage;
    }

    /** Three-digit reply code (RFC 5321 section 4.2). */
    public int code() {
        return code;
    }

    /** The full reply text, lines joined with {@code \n}. */
    public String reply() {
        return reply;
    }
}
