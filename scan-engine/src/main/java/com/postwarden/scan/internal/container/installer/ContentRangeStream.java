package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.io.InputStream;

/**
 * The bytes of a {@link Content} from one position for a length, ending early (without error) where the
 * content ends; {@link #truncated()} tells a short range from a complete one once the stream is read.
 */
final class ContentRangeStream extends InputStream {
    private final Content content;
    private final long requestedEnd;
    private final long end;
    private long position;

    ContentRangeStream(Content content, long position, long length) {
        this.content = content;
        this.position = Math.max(0, Math.min(position, content.size()));
        this.requestedEnd = position + Math.max(0, length);
        this.end = Math.min(content.size(), Math.max(this.position, requestedEnd));
    }

    /** Whether the range asked for runs past the end of the content. */
    boolean truncated() {
        return requestedEnd > content.size();
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
