package com.postwarden.scan.internal.content;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The bytes of one object under scan, readable at any position: on the heap while small, a memory-mapped
 * temporary file once larger than the spooling threshold, so a 100 MB attachment never sits on the heap.
 * Matchers and unpackers read it as many times as they need. Not thread-safe. Closing it releases a mapping at once
 * (see {@link Unmapper}) and deletes the spool file; views from {@link #buffer()} must not be used after that.
 */
public final class Content implements Closeable {
    private static final Content EMPTY = new Content(ByteBuffer.allocate(0).asReadOnlyBuffer(), null, null);

    private final ByteBuffer bytes;
    private final byte[] array;
    private final Path file;
    private boolean closed;

    private Content(ByteBuffer bytes, byte[] array, Path file) {
        this.bytes = bytes;
        this.array = array;
        this.file = file;
    }

    public static Content empty() {
        return EMPTY;
    }

    /** Wraps bytes the caller will no longer change. */
    public static Content of(byte[] bytes) {
        return of(bytes, bytes.length);
    }

    /** Wraps the first {@code length} bytes of an array the caller will no longer change. */
    public static Content of(byte[] bytes, int length) {
        Objects.checkFromIndexSize(0, length, bytes.length);
        return new Content(ByteBuffer.wrap(bytes, 0, length).slice().asReadOnlyBuffer(), bytes, null);
    }

    /**
     * A file that stays in place, read onto the heap up to {@code memoryThreshold} bytes (cheaper than a mapping for
     * a small file) and mapped beyond. Closing the content unmaps it but does not delete the file.
     */
    public static Content open(Path file, int memoryThreshold) throws IOException {
        long size = Files.size(file);
        if (size <= memoryThreshold) {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length == 0 ? EMPTY : of(bytes);
        }
        return map(file);
    }

    /** Maps a file that stays in place; closing the content unmaps it but does not delete it. */
    public static Content map(Path file) throws IOException {
        return mapped(file, null);
    }

    /** Maps {@code file}; {@code owned} (the same file, or {@code null}) is deleted when the content closes. */
    private static Content mapped(Path file, Path owned) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return EMPTY;
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new ContentTooLargeException(Integer.MAX_VALUE - 8);
            }
            return new Content(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), null, owned);
        }
    }

    /**
     * Reads a stream to its end, on the heap up to {@code spooling.memoryThreshold()} bytes, in a temporary file
     * beyond. More than {@code maxSize} bytes stop the read with {@link ContentTooLargeException}; what was read
     * so far is discarded.
     */
    public static Content read(InputStream in, Spooling spooling, long maxSize) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream(Math.min(8192, spooling.memoryThreshold()));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxSize) {
                throw new ContentTooLargeException(maxSize);
            }
            if (total > spooling.memoryThreshold()) {
                return spill(memory, buffer, n, in, spooling, total, maxSize);
            }
            memory.write(buffer, 0, n);
        }
        if (total == 0) {
            return EMPTY;
        }
        byte[] bytes = memory.toByteArray();
        return of(bytes);
    }

    private static Content spill(ByteArrayOutputStream memory, byte[] buffer, int pending, InputStream in,
                                 Spooling spooling, long total, long maxSize) throws IOException {
        Files.createDirectories(spooling.directory());
        Path file = Files.createTempFile(spooling.directory(), "scan-", ".tmp");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                memory.writeTo(out);
                out.write(buffer, 0, pending);
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxSize) {
                        throw new ContentTooLargeException(maxSize);
                    }
                    out.write(buffer, 0, n);
                }
            }
            Content content = mapped(file, file);
            done = true;
            return content;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    public int size() {
        return bytes.limit();
    }

    public byte byteAt(int position) {
        return bytes.get(position);
    }

    /** Copies up to {@code length} bytes from {@code position}; returns how many, 0 at the end. */
    public int read(int position, byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        int count = Math.max(0, Math.min(length, size() - position));
        if (count > 0) {
            bytes.get(position, target, offset, count);
        }
        return count;
    }

    /** Up to {@code max} bytes from the start, copied. */
    public byte[] prefix(int max) {
        byte[] prefix = new byte[Math.min(max, size())];
        read(0, prefix, 0, prefix.length);
        return prefix;
    }

    /** A read-only view of all bytes, position 0; the view is valid until the content is closed. */
    public ByteBuffer buffer() {
        return bytes.duplicate();
    }

    /** The backing array when the content is on the heap (bytes {@code 0..size()}), else {@code null}. */
    public byte[] arrayOrNull() {
        return array;
    }

    /** A fresh stream over all bytes. */
    public InputStream newStream() {
        return new ContentInputStream(this);
    }

    @Override
    public void close() throws IOException {
        if (closed || this == EMPTY) {
            return;
        }
        closed = true;
        if (bytes instanceof MappedByteBuffer mapping) {
            Unmapper.release(mapping);
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
