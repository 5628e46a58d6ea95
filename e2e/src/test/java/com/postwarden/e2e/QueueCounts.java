package com.postwarden.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Number of messages in each queue of a Postfix instance at one moment (see Postfix's
 * QSHAPE_README for what the queues mean).
 */
public record QueueCounts(int maildrop, int incoming, int active, int deferred, int hold) {

    /** Messages Postfix still holds in any queue. */
    public int total() {
        return maildrop + incoming + active + deferred + hold;
    }

    /**
     * Counts queue files under a queue directory. One file is one message; deferred and
     * hold may be hashed into subdirectories. Needs root (the queues are mode 0700, postfix).
     */
    static QueueCounts read(Path queueDirectory) {
        return new QueueCounts(
                countFiles(queueDirectory.resolve("maildrop")),
                countFiles(queueDirectory.resolve("incoming")),
                countFiles(queueDirectory.resolve("active")),
                countFiles(queueDirectory.resolve("deferred")),
                countFiles(queueDirectory.resolve("hold")));
    }

    private static int countFiles(Path queue) {
        int[] count = {0};
        try {
            Files.walkFileTree(queue, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        count[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Queue files come and go while we count; a vanished one is simply not counted.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }
}
