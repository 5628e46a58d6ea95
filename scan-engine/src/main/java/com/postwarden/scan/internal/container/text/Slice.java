package com.postwarden.scan.internal.container.text;

import java.io.InputStream;
import java.nio.ByteBuffer;

/** Reads bytes {@code [start, end)} of a content's buffer; a view, no copy. */
final class Slice extends InputStream {
    private final ByteBuffer bytes;
    private final int end;
    private int pos;

    Slice(ByteBuffer bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = Math.min(end, bytes.limit());
    }

    @Override
    public int read() {
        return pos < end ? bytes.get(pos++) & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (pos >= end) {
            return -1;
        }
        int count = Math.min(length, end - pos);
        bytes.get(pos, target, offset, count);
        pos += count;
        return count;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - pos));
        pos += (int) skipped;
        return skipped;
    }

    @Override
    public int available() {
        return Math.max(0, end - pos);
    }
}
