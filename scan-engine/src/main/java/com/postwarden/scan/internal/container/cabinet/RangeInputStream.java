package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.InputStream;

/**
 * The bytes of a {@link Content} from one position for at most some length, stopping early (without error)
 * where the content ends; {@link ExactLengthInputStream} on top tells a short range from a complete one.
 */
final class RangeInputStream extends InputStream {
    private final Content content;
    private long position;
    private final long end;

    RangeInputStream(Content content, long position, long length) {
        this.content = content;
        this.position = Math.max(0, position);
        this.end = Math.min(content.size(), Math.max(this.position, position + Math.max(0, length)));
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
