package com.postwarden.scan.internal.container.cabinet;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Exactly {@code length} bytes of another stream, handed to the engine as one entry: ends after them, and
 * fails with {@link EOFException} naming the entry if the source ends first. Closing leaves the source open,
 * positioned after what was read ({@link #consumed()}).
 */
final class ExactLengthInputStream extends InputStream {
    private final InputStream source;
    private final long length;
    private final String what;
    private long consumed;

    ExactLengthInputStream(InputStream source, long length, String what) {
        this.source = source;
        this.length = length;
        this.what = what;
    }

    long consumed() {
        return consumed;
    }

    @Override
    public int read() throws IOException {
        if (consumed >= length) {
            return -1;
        }
        int b = source.read();
        if (b < 0) {
            throw ended();
        }
        consumed++;
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (consumed >= length) {
            return -1;
        }
        int n = source.read(target, offset, (int) Math.min(count, length - consumed));
        if (n < 0) {
            throw ended();
        }
        consumed += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(source.available(), length - consumed);
    }

    @Override
    public void close() {
        // the source belongs to the unpacker
    }

    private EOFException ended() {
        return new EOFException(what + " ends after " + consumed + " of " + length + " bytes");
    }
}
