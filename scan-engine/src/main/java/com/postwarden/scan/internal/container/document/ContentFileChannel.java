package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only {@link FileChannel} over a {@link Content}. POI's {@code POIFSFileSystem} reads blocks on demand
 * only from a {@code FileChannel}; its {@code InputStream} constructor instead allocates a buffer as large as the
 * header's block count claims. This adapter lets it read heap and spooled content alike without a copy.
 * Not thread-safe, like the content.
 */
public final class ContentFileChannel extends FileChannel {
    private final Content content;
    private long position;

    public ContentFileChannel(Content content) {
        this.content = content;
    }

    @Override
    public int read(ByteBuffer dst) {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long at) {
        if (at >= content.size()) {
            return -1;
        }
        int count = (int) Math.min(dst.remaining(), content.size() - at);
        ByteBuffer source = content.buffer();
        source.position((int) at).limit((int) at + count);
        dst.put(source);
        return count;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public FileChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return content.size();
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        if (at >= content.size()) {
            return 0;
        }
        ByteBuffer source = content.buffer();
        source.position((int) at).limit((int) Math.min(content.size(), at + count));
        long written = 0;
        while (source.hasRemaining()) {
            written += target.write(source);
        }
        return written;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing is ever written
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) throws IOException {
        throw new IOException("content channels cannot be mapped");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) throws IOException {
        throw new IOException("content channels cannot be locked");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) throws IOException {
        throw new IOException("content channels cannot be locked");
    }

    @Override
    protected void implCloseChannel() {
        // the content belongs to the caller
    }
}
