package com.postwarden.smtp.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one pass over a part's decoded content yields: size, SHA-256, the first bytes for type detection and, for
 * text, the first {@code textCapacity} bytes. Nothing else of the content is kept.
 *
 * @param size          decoded size in bytes
 * @param sha256        lower-case hex SHA-256 of all decoded bytes
 * @param head          the first bytes, at most {@link ContentSniffer#HEAD_BYTES}
 * @param text          the first decoded bytes kept as text, at most the capacity asked for
 * @param textTruncated whether the content went on beyond {@code text}
 */
record PartDigest(long size, String sha256, byte[] head, byte[] text, boolean textTruncated) {
    private static final int CHUNK = 8192;

    /** Reads {@code decoded} to its end. */
    static PartDigest read(InputStream decoded, int textCapacity) throws IOException {
        MessageDigest sha256 = newSha256();
        BoundedBuffer head = new BoundedBuffer(ContentSniffer.HEAD_BYTES);
        BoundedBuffer text = new BoundedBuffer(textCapacity);
        long size = 0;
        byte[] buffer = new byte[CHUNK];
        for (int n = decoded.read(buffer); n >= 0; n = decoded.read(buffer)) {
            sha256.update(buffer, 0, n);
            size += n;
            head.write(buffer, n);
            text.write(buffer, n);
        }
        return new PartDigest(size, HexFormat.of().formatHex(sha256.digest()), head.toByteArray(),
                text.toByteArray(), text.overflowed());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Keeps the first {@code capacity} bytes written to it and notes whether more came. */
    private static final class BoundedBuffer extends ByteArrayOutputStream {
        private final int capacity;
        private boolean overflowed;

        BoundedBuffer(int capacity) {
            super(Math.min(capacity, CHUNK));
            this.capacity = capacity;
        }

        void write(byte[] bytes, int length) {
            int room = Math.min(length, capacity - count);
            write(bytes, 0, room);
            overflowed |= room < length;
        }

        boolean overflowed() {
            return overflowed;
        }
    }
}
