package com.postwarden.scan.internal.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only seekable channel over a {@link Content}, for archive readers that want random access (zip's
 * central directory, 7z headers) without copying the bytes. Closing the channel leaves the content open.
 */
public final class ContentChannel implements SeekableByteChannel {
    private final ByteBuffer bytes;
    private long position;
    private boolean open = true;

    public ContentChannel(Content content) {
        this.bytes = content.buffer();
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        ensureOpen();
        if (position >= bytes.limit()) {
            return -1;
        }
        int count = (int) Math.min(target.remaining(), bytes.limit() - position);
        target.put(bytes.slice((int) position, count));
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return bytes.limit();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
