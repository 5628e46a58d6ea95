package com.postwarden.spam.bayes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens what an admin points the learner at, as one {@link MailSource}: a file holding one message; an mbox file
 * (a file whose first line starts with {@code "From "}); a Maildir (a directory with {@code cur} and
 * {@code new}: the messages in both, not {@code tmp}); any other directory, read recursively. Files are read in
 * name order, hidden files are skipped, and a path that does not exist or cannot be read becomes a
 * {@link MailItem.Unreadable} entry.
 */
public final class MailSources {
    /** Messages larger than this are reported instead of read. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 64L << 20;

    private MailSources() {
    }

    /** The messages of {@code paths}, in order, each message no larger than {@code maxMessageBytes}. */
    public static MailSource open(List<Path> paths, long maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be >= 1: " + maxMessageBytes);
        }
        return new PathSource(paths, maxMessageBytes);
    }

    /** Walks the paths lazily: expands directories to files when reached, opens one file at a time. */
    private static final class PathSource implements MailSource {
        private final Deque<Path> pending;
        private final long maxMessageBytes;
        private MailSource current;
        private Path currentPath;

        PathSource(List<Path> paths, long maxMessageBytes) {
            this.pending = new ArrayDeque<>(paths);
            this.maxMessageBytes = maxMessageBytes;
        }

        @Override
        public Optional<MailItem> next() throws IOException {
            while (true) {
                if (current != null) {
                    Optional<MailItem> item;
                    try {
                        item = current.next();
                    } catch (IOException e) {
                        item = Optional.of(new MailItem.Unreadable(currentPath.toString(),
                                "reading stopped: " + e.getMessage()));
                        current.close();
                        current = null;
                        return item;
                    }
                    if (item.isPresent()) {
                        return item;
                    }
                    current.close();
                    current = null;
                }
                Path path = pending.pollFirst();
                if (path == null) {
                    return Optional.empty();
                }
                Optional<MailItem> problem = expand(path);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }

        /** Queues a directory's files or opens a file; an entry when the path cannot be read. */
        private Optional<MailItem> expand(Path path) {
            try {
                if (Files.isDirectory(path)) {
                    List<Path> children = isMaildir(path)
                            ? concat(list(path.resolve("cur")), list(path.resolve("new")))
                            : list(path);
                    for (int i = children.size() - 1; i >= 0; i--) {
                        pending.addFirst(children.get(i));
                    }
                    return Optional.empty();
                }
                current = openFile(path);
                currentPath = path;
                return Optional.empty();
            } catch (NoSuchFileException e) {
                return Optional.of(new MailItem.Unreadable(path.toString(), "no such file or directory"));
            } catch (IOException | UncheckedIOException e) {
                return Optional.of(new MailItem.Unreadable(path.toString(), "cannot be read: " + e.getMessage()));
            }
        }

        private MailSource openFile(Path path) throws IOException {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.mark(5);
            byte[] head = in.readNBytes(5);
            in.reset();
            if (new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("From ")) {
                return new MboxReader(in, path.toString(), maxMessageBytes);
            }
            return new SingleMessage(in, path.toString(), maxMessageBytes);
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
            pending.clear();
        }
    }

    /** A file that holds one message. */
    private static final class SingleMessage implements MailSource {
        private final InputStream in;
        private final String name;
        private final long max;
        private boolean done;

        SingleMessage(InputStream in, String name, long max) {
            this.in = in;
            this.name = name;
            this.max = max;
        }

        @Override
        public Optional<MailItem> next() throws IOException {
            if (done) {
                return Optional.empty();
            }
            done = true;
            byte[] raw = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
            return Optional.of(raw.length > max
                    ? new MailItem.Unreadable(name, "larger than " + max + " bytes")
                    : new MailItem.Message(name, raw));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
