package com.postwarden.smtp.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * The bytes of one message as they travel: readable any number of times, in memory or on disk.
 * Line ends are as received (normally CRLF); no SMTP dot-stuffing is present.
 * Implementations are safe to read from several threads, each with its own stream.
 */
public interface MessageContent {

    /** Exact length in bytes. */
    long size();

    /** A new stream from the first byte; the caller closes it. */
    InputStream openStream() throws IOException;

    static MessageContent of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new MessageContent() {
            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(copy);
            }
        };
    }

    /** {@code prefix} followed by {@code body}, without copying the body: how headers are added on relay. */
    static MessageContent concat(byte[] prefix, MessageContent body) {
        byte[] head = prefix.clone();
        return new MessageContent() {
            @Override
            public long size() {
                return head.length + body.size();
            }

            @Override
            public InputStream openStream() throws IOException {
                return new SequenceInputStream(new ByteArrayInputStream(head), body.openStream());
            }
        };
    }
}
