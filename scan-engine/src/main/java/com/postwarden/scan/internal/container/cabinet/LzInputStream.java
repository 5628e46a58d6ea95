package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * The output side of an LZ77 decoder: a 32 KB sliding window, literals and matches from {@link #next()}, and
 * exactly {@code size} bytes of output (a last match running past it is cut). A match must refer to data
 * already produced; anything else is damaged input.
 */
abstract class LzInputStream extends InputStream {
    private static final int WINDOW = 1 << 15;
    private static final int MASK = WINDOW - 1;
    private static final int INTERRUPT_CHECK = 1 << 16;

    private final String format;
    private final long size;
    private final byte[] window = new byte[WINDOW];
    private long produced;
    private int position;
    private int matchLength;
    private int matchDistance;

    LzInputStream(String format, long size) {
        this.format = format;
        this.size = size;
    }

    /** Decodes the next literal, returned as 0..255, or a match, reported with {@link #match} and -1. */
    abstract int next() throws IOException;

    final int match(int length, int distance) {
        matchLength = length;
        matchDistance = distance;
        return -1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (produced >= size) {
            return -1;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException(format + " decoding interrupted");
        }
        int n = 0;
        while (n < length && produced < size) {
            if (matchLength == 0) {
                int literal = next();
                if (literal >= 0) {
                    put((byte) literal);
                    target[offset + n++] = (byte) literal;
                    continue;
                }
                if (matchDistance <= 0 || matchDistance > WINDOW || matchDistance > produced) {
                    throw new IOException(format + " match refers to data before the start of the entry");
                }
            }
            int run = (int) Math.min(Math.min(matchLength, length - n), size - produced);
            for (int i = 0; i < run; i++) {
                byte b = window[(position - matchDistance) & MASK];
                put(b);
                target[offset + n++] = b;
            }
            matchLength -= run;
            if (n >= INTERRUPT_CHECK) {
                break;
            }
        }
        return n;
    }

    private void put(byte b) {
        window[position] = b;
        position = (position + 1) & MASK;
        produced++;
    }
}
