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

    private final String format;
    private final long size;
    private final byte[] window = new byte[WINDOW];
    private final byte[] single = new byte[1];
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
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
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
        byte[] w = window;
        int limit = (int) Math.min(length, size - produced);
        int at = position;
        int n = 0;
        try {
            while (n < limit) {
                if (matchLength == 0) {
                    int literal = next();
                    if (literal >= 0) {
                        w[at] = (byte) literal;
                        at = (at + 1) & MASK;
                        target[offset + n++] = (byte) literal;
                        continue;
                    }
                    if (matchDistance <= 0 || matchDistance > WINDOW || matchDistance > produced + n) {
                        throw new IOException(format + " match refers to data before the start of the entry");
                    }
                }
                int run = Math.min(matchLength, limit - n);
                int from = at - matchDistance;
                for (int i = 0; i < run; i++) {
                    byte b = w[(from + i) & MASK];
                    w[at] = b;
                    at = (at + 1) & MASK;
                    target[offset + n++] = b;
                }
                matchLength -= run;
            }
        } finally {
            position = at;
            produced += n;
        }
        return n;
    }
}
