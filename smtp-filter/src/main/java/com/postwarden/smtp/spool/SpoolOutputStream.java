package com.postwarden.smtp.spool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Collects one message: in memory while it is small, in a spool file once it passes the threshold.
 * {@link #finish()} turns it into a re-readable {@link SpooledMessage}; {@link #close()} without finishing
 * discards it. Not thread-safe: one receiving thread writes it.
 */
public final class SpoolOutputStream extends OutputStream {
    private final Path directory;
    private final String suffix;
    private final int threshold;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
    private OutputStream file;
    private Path path;
    private long size;
    private boolean finished;

    SpoolOutputStream(Path directory, String suffix, int threshold) {
        this.directory = directory;
        this.suffix = suffix;
        this.threshold = threshold;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (file == null && memory.size() + len > threshold) {
            spill();
        }
        if (file != null) {
            file.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
        size += len;
    }

    private void spill() throws IOException {
        path = Files.createTempFile(directory, "in-", suffix);
        file = new java.io.BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
        memory.writeTo(file);
        memory = null;
    }

    public long size() {
        return size;
    }

    /** Ends writing; the result owns the spool file, if any, and deletes it when closed. */
    public SpooledMessage finish() throws IOException {
        finished = true;
        if (file != null) {
            file.close();
            return new SpooledMessage(path, null, size);
        }
        return new SpooledMessage(null, memory.toByteArray(), size);
    }

    /** Discards an unfinished message. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (file != null) {
            file.close();
            Files.deleteIfExists(path);
        }
    }
}
