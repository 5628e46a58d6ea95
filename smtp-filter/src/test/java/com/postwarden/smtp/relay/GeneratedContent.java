package com.postwarden.smtp.relay;

import com.postwarden.smtp.spool.MessageContent;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * A large message that exists only as a generator: every read produces the next bytes, so the test never holds the
 * message. Lines of varied length with leading dots and 8-bit bytes, CRLF line ends.
 */
final class GeneratedContent implements MessageContent {
    private static final byte[] HEADER = "Subject: generated\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final long size;
    private final LongConsumer onEnd;

    /** @param onEnd told the size when a reader reaches the end */
    GeneratedContent(long size, LongConsumer onEnd) {
        this.size = size;
        this.onEnd = onEnd;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openStream() {
        return new Generator();
    }

    /** The hex SHA-256 of the content, computed by generating it once more. */
    String sha256() {
        try (InputStream in = new Generator()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Generator extends InputStream {
        private long position;
        private long seed = 42;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                onEnd.accept(position);
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = byteAt(position + i);
            }
            position += n;
            return n;
        }

        private byte byteAt(long index) {
            if (index < HEADER.length) {
                return HEADER[(int) index];
            }
            long inLine = (index - HEADER.length) % 997;
            if (inLine == 995) {
                return '\r';
            } else if (inLine == 996) {
                return '\n';
            } else if (inLine == 0 && (index / 997) % 3 == 0) {
                return '.';
            }
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int value = (int) (seed >>> 58);
            return (byte) (value < 2 ? 0xe9 : 'a' + value % 26);
        }
    }
}
