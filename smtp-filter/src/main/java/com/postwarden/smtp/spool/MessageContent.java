package com.postwarden.smtp.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;

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

    /**
     * {@code original} with the bytes {@code [start, end)} replaced by {@code replacement}, without copying the
     * rest: how a header field is rewritten on relay.
     */
    static MessageContent splice(MessageContent original, long start, long end, byte[] replacement) {
        if (start < 0 || end < start || end > original.size()) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ") of " + original.size());
        }
        byte[] middle = replacement.clone();
        return new MessageContent() {
            @Override
            public long size() {
                return original.size() - (end - start) + middle.length;
            }

            @Override
            public InputStream openStream() throws IOException {
                InputStream before = original.openStream();
                InputStream head = new PrefixInputStream(before, start);
                InputStream after = original.openStream();
                try {
                    after.skipNBytes(end);
                } catch (IOException e) {
                    before.close();
                    after.close();
                    throw e;
                }
                return new SequenceInputStream(Collections.enumeration(
                        List.of(head, new ByteArrayInputStream(middle), after)));
            }
        };
    }
}
