package com.postwarden.smtp.listener;

import com.postwarden.smtp.spool.SpoolOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A message arriving in BDAT chunks (RFC 3030): its id, where the chunks are spooled and the limits they are
 * held to, kept by the transaction from the first chunk to the last.
 */
record ChunkedMessage(String id, SpoolOutputStream spool, ContentLimits limits) {

    /** Drops what was received: the transaction ended without the last chunk. */
    void discard() {
        try {
            spool.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
