package com.postwarden.scan.internal.container.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Base of the small decoders the PDF filters need: a subclass produces a few bytes per {@link #decode} call from
 * its source; this class serves reads from them. Closing closes the source.
 */
abstract class DecodingInputStream extends InputStream {
    protected final InputStream source;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean done;

    DecodingInputStream(InputStream source, int bufferSize) {
        this.source = source;
        this.buffer = new byte[bufferSize];
    }

    /** Decodes more bytes into {@code out} (its whole length is free); returns how many, or -1 at the end. */
    protected abstract int decode(byte[] out) throws IOException;

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        while (position == limit) {
            if (done) {
                return false;
            }
            int n = decode(buffer);
            if (n < 0) {
                done = true;
                return false;
            }
            position = 0;
            limit = n;
        }
        return true;
    }

    /** The next source byte, or -1 at its end. */
    protected final int next() throws IOException {
        return source.read();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
