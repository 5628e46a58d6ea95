package com.postwarden.scan.internal.content;

import java.io.InputStream;

/** Streams a {@link Content} from its start; closing the stream leaves the content open. */
final class ContentInputStream extends InputStream {
    private final Content content;
    private int position;
    private int mark;

    ContentInputStream(Content content) {
        this.content = content;
    }

    @Override
    public int read() {
        return position < content.size() ? content.byteAt(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int count = content.read(position, target, offset, length);
        if (count == 0) {
            return -1;
        }
        position += count;
        return count;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, content.size() - (long) position));
        position += (int) skipped;
        return skipped;
    }

    @Override
    public int available() {
        return content.size() - position;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }
}
