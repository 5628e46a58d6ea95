package com.postwarden.smtp.relay;

import java.io.IOException;

/**
 * A pooled session turned out to be closed before it answered anything of the new transaction (the RSET that
 * leads it failed or was refused): nothing can have been accepted, so the message goes out on a new session.
 */
final class StaleSessionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleSessionException(String message) {
        super(message);
    }
}
