package com.postwarden.smtp.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A received message held in memory or in a spool file; closing it deletes the file. Reading is thread-safe;
 * close it once, after the message's fate is settled.
 */
public final class SpooledMessage implements MessageContent, AutoCloseable {
    private final Path file;
    private final byte[] bytes;
    private final long size;

    SpooledMessage(Path file, byte[] bytes, long size) {
        this.file = file;
        this.bytes = bytes;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openStream() throws IOException {
        return file != null ? new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024)
                : new ByteArrayInputStream(bytes);
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
