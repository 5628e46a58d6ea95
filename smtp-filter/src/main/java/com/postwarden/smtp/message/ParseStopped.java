package com.postwarden.smtp.message;

import org.apache.james.mime4j.MimeException;

/** Thrown from the event handler to end a parse at a structural limit; never leaves {@link MessageParser}. */
final class ParseStopped extends MimeException {
    private static final long serialVersionUID = 1L;

    ParseStopped(String message) {
        super(message);
    }
}
