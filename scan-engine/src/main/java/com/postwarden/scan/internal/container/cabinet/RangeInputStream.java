package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.InputStream;

/**
 * The bytes of a {@link Content} from one position for at most some length, stopping early (without error)
 * where the content ends; {@link ExactLengthInputStream} on top tells a short range from a complete one. A
 * position outside the content (including one that overflowed to a negative number) gives no bytes.
 */
final class RangeInputStream extends InputStream {
    private final Content content;
    private long position;
    private final long end;

    RangeInputStream(Content content, long position, long length) {
        this.content = content;
        long start = position < 0 || position > content.size() ? content.size() : position;
        this.position = start;
        this.end = start + Math.min(content.size() - start, Math.max(0, length));
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
