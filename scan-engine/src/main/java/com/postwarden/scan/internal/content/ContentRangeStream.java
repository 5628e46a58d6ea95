package com.postwarden.scan.internal.content;

import java.io.InputStream;

/**
 * The bytes of a {@link Content} from one position for at most some length, stopping early (without error)
 * where the content ends; {@link #truncated()} tells a short range from a complete one. A position outside the
 * content (including one that overflowed to a negative number) gives no bytes.
 */
public final class ContentRangeStream extends InputStream {
    private final Content content;
    private final boolean truncated;
    private long position;
    private final long end;

    public ContentRangeStream(Content content, long position, long length) {
        this.content = content;
        long start = position < 0 || position > content.size() ? content.size() : position;
        long wanted = Math.max(0, length);
        this.position = start;
        this.end = start + Math.min(content.size() - start, wanted);
        this.truncated = position < 0 || wanted > content.size() - start;
    }

    /** Whether the range asked for runs past the end of the content. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public int read() {
        return position < end ? content.byteAt((int) position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int n = content.read((int) position, target, offset, (int) Math.min(length, end - position));
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }
}
