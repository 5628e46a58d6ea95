package com.postwarden.smtp.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory where messages larger than the memory threshold are written while they are received and
 * processed. A spool file never holds a message that was acknowledged with 250 (the next hop has it by then),
 * so files left by a crash are safe to delete at start. Thread-safe.
 */
public final class Spool {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String SUFFIX = ".msg";

    private final Path directory;
    private final int memoryThreshold;

    public Spool(Path directory, int memoryThreshold) {
        this.directory = directory;
        this.memoryThreshold = memoryThreshold;
    }

    /** Creates the directory and removes what an earlier process left behind. */
    public void prepare() throws IOException {
        Files.createDirectories(directory);
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : leftovers) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info("removed {} unacknowledged spool file(s) from {}; their senders still hold those messages",
                    removed, directory);
        }
    }

    /** A stream for one message: memory up to the threshold, then a file in the spool directory. */
    public SpoolOutputStream newMessage() {
        return new SpoolOutputStream(directory, SUFFIX, memoryThreshold);
    }

    public Path directory() {
        return directory;
    }
}
