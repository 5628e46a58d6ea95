package com.postwarden.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * A real Postfix instance run entirely from a private temporary directory: own main.cf and
 * master.cf, own queue, own log file, listeners on 127.0.0.1 only. Nothing under /etc/postfix
 * is read for configuration or changed, and the system instance need not be configured.
 *
 * <p>Mail injected on {@link #smtpPort()} is relayed to {@code [127.0.0.1]:relayPort}. With a
 * {@linkplain Builder#contentFilter(int) content filter}, Postfix first hands each message to
 * the filter over SMTP (transport {@code smtp-filter}, with XFORWARD) and accepts it back on
 * {@link #reinjectPort()}, the after-queue content filter set-up used with amavisd-new:
 *
 * <pre>
 * client -> smtpPort -> queue -> smtp-filter -> [filter on filterPort]
 *                                                    |
 *            relay host <- queue <- reinjectPort <---+
 * </pre>
 *
 * <p>Lifecycle: {@link #start()} writes the configuration (first time only), creates the queue
 * and runs the master daemon as a child of this JVM; {@link #stop()} stops it and waits until
 * every Postfix process of the instance has exited, killing stragglers; the queue survives, so
 * {@code start()} may be called again. {@link #close()} stops and deletes the directory (kept
 * when the system property {@code postwarden.e2e.keep} is {@code true}). A JVM shutdown hook
 * and the master's own exit timer ({@link Builder#lifetime(Duration)}) bound the instance even
 * if a test never closes it. Needs root and the Debian {@code postfix} package
 * ({@code scripts/setup-test-env.sh}).
 *
 * <p>Not thread-safe for lifecycle calls; the query methods may be called from any thread.
 */
public final class PrivatePostfix implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int MAILLOG_TAIL_LINES = 40;

    private final PostfixInstallation installation;
    private final PostfixConfig config;
    private final Duration lifetime;
    private Process master;
    private Thread shutdownHook;
    private boolean configured;
    private boolean closed;

    private PrivatePostfix(Builder builder) {
        this.installation = builder.installation;
        this.lifetime = builder.lifetime;
        OptionalInt filterPort = builder.filterPort;
        int reinjectPort = filterPort.isPresent() ? LocalPorts.freePort() : -1;
        this.config = new PostfixConfig(
                builder.parentDirectory.resolve("postwarden-postfix-" + ProcessHandle.current().pid() + "-"
                        + Long.toHexString(System.nanoTime())),
                LocalPorts.freePort(),
                builder.relayPort,
                filterPort,
                reinjectPort,
                builder.filterConcurrency,
                Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraMainCf)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Port of the smtpd where tests inject mail (127.0.0.1). Known before {@link #start()}. */
    public int smtpPort() {
        return config.smtpPort();
    }

    /** Port of the re-injection smtpd the content filter sends mail back to (127.0.0.1). */
    public int reinjectPort() {
        if (config.filterPort().isEmpty()) {
            throw new IllegalStateException("no content filter configured, so there is no re-injection port");
        }
        return config.reinjectPort();
    }

    /** Port of the content filter Postfix hands mail to, if one is configured. */
    public OptionalInt contentFilterPort() {
        return config.filterPort();
    }

    /** Port on 127.0.0.1 that Postfix relays all mail to. */
    public int relayPort() {
        return config.relayPort();
    }

    /** Root of the instance's files: etc/ (main.cf, master.cf), spool/, data/, maillog. */
    public Path directory() {
        return config.directory();
    }

    public Path configDirectory() {
        return config.configDirectory();
    }

    /** PID of the master daemon (also the process group of all its daemons) while running. */
    public OptionalLong masterPid() {
        return isRunning() ? OptionalLong.of(master.pid()) : OptionalLong.empty();
    }

    public boolean isRunning() {
        return master != null && master.isAlive();
    }

    /**
     * Starts the master daemon and returns once every smtpd listener accepts connections.
     *
     * @throws IllegalStateException if Postfix is not installed, the JVM is not root, or the
     *     instance is already running or closed
     * @throws IOException if Postfix refuses the configuration or does not come up; the message
     *     carries the end of the instance's log
     */
    public PrivatePostfix start() throws IOException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (isRunning()) {
            throw new IllegalStateException("already running (master PID " + master.pid() + ")");
        }
        installation.verify();
        if (!configured) {
            writeConfiguration();
            configured = true;
        }
        // "postfix check" creates the queue and data directories with the right owners and
        // modes (post-install create-missing) and refuses broken configurations.
        ExternalCommand.Result check = ExternalCommand.run(COMMAND_TIMEOUT,
                installation.postfix().toString(), "-c", configDirectory().toString(), "check");
        if (!check.succeeded()) {
            throw new IOException("Postfix rejected the private configuration: " + check.describe()
                    + maillogTail());
        }
        // The master itself, not "postfix start": it stays a child of this JVM, and -e makes it
        // exit on its own after the lifetime, even if this JVM is killed before stop().
        master = new ProcessBuilder(installation.master().toString(),
                "-c", configDirectory().toString(),
                "-e", Long.toString(Math.max(1, lifetime.toSeconds())))
                .directory(directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory().resolve("master.out").toFile()))
                .start();
        shutdownHook = new Thread(this::stopQuietly, "private-postfix-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitListeners();
        return this;
    }

    /**
     * Stops the instance ({@code postfix stop}, SIGTERM if that fails) and waits until all its
     * processes have exited; processes still alive after a grace period are killed, and so is
     * everything at once if the wait is interrupted. Does nothing if not running.
     */
    public void stop() throws InterruptedException {
        if (master == null) {
            return;
        }
        Process process = master;
        boolean stopped = false;
        try {
            if (process.isAlive()) {
                requestStop(process);
            }
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            ProcessGroups.awaitExitOrKill(process.pid(), STOP_GRACE);
            stopped = true;
        } finally {
            if (!stopped) {
                killNow();
            }
            master = null;
            removeShutdownHook();
        }
    }

    private void requestStop(Process process) {
        try {
            if (ExternalCommand.run(COMMAND_TIMEOUT,
                    installation.postfix().toString(), "-c", configDirectory().toString(), "stop").succeeded()) {
                return;
            }
        } catch (IOException e) {
            // fall back to signalling the master directly
        }
        process.destroy(); // SIGTERM: the master passes it on to its children
    }

    /**
     * Stops the instance and deletes its directory. If interrupted while waiting for the
     * processes to exit, kills them at once and keeps the interrupt status.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killNow();
        } finally {
            if (!Boolean.getBoolean("postwarden.e2e.keep")) {
                TestFiles.deleteRecursively(directory());
            }
        }
    }

    /** Asks Postfix to retry all deferred mail now ({@code postqueue -f}). */
    public void flush() throws IOException {
        ExternalCommand.check(COMMAND_TIMEOUT,
                installation.postqueue().toString(), "-c", configDirectory().toString(), "-f");
    }

    /** Messages in each queue, counted from the queue directories. */
    public QueueCounts queueCounts() {
        return QueueCounts.read(config.queueDirectory());
    }

    /** Messages Postfix still holds in any queue (maildrop, incoming, active, deferred, hold). */
    public int queueSize() {
        return queueCounts().total();
    }

    /** Waits until Postfix has delivered (or bounced) everything it had queued. */
    public void awaitEmptyQueue(Duration timeout) throws InterruptedException {
        awaitQueue(total -> total == 0, QueueCounts::total, "an empty queue", timeout);
    }

    /** Waits until at least {@code count} messages sit in the deferred queue. */
    public void awaitDeferred(int count, Duration timeout) throws InterruptedException {
        awaitQueue(deferred -> deferred >= count, QueueCounts::deferred, count + " deferred messages", timeout);
    }

    /** The queue as {@code postqueue -p} shows it (for diagnostics). */
    public String queueListing() {
        try {
            return ExternalCommand.run(COMMAND_TIMEOUT,
                    installation.postqueue().toString(), "-c", configDirectory().toString(), "-p").output();
        } catch (IOException e) {
            return "(postqueue -p failed: " + e.getMessage() + ")";
        }
    }

    /**
     * Everything the instance has logged so far. postlogd writes asynchronously, so a line may
     * appear shortly after the event it describes.
     */
    public String maillog() {
        Path log = config.maillog();
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfiguration() throws IOException {
        requireReachableByPostfixUser(directory().getParent());
        Files.createDirectories(configDirectory());
        Files.createDirectories(config.queueDirectory());
        var rwxrxrx = PosixFilePermissions.fromString("rwxr-xr-x");
        for (Path dir : List.of(directory(), configDirectory(), config.queueDirectory())) {
            Files.setPosixFilePermissions(dir, rwxrxrx);
        }
        Files.writeString(configDirectory().resolve("main.cf"), config.mainCf());
        Files.writeString(configDirectory().resolve("master.cf"), config.masterCf());
    }

    /** Postfix daemons run as the postfix user and must be able to traverse to the queue. */
    private static void requireReachableByPostfixUser(Path parent) throws IOException {
        for (Path dir = parent.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException(dir + " is not searchable by other users, so the postfix user "
                        + "cannot reach a private queue below it; choose another parent directory");
            }
        }
    }

    private void awaitListeners() throws IOException, InterruptedException {
        List<Integer> ports = config.filterPort().isPresent()
                ? List.of(config.smtpPort(), config.reinjectPort())
                : List.of(config.smtpPort());
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!ports.stream().allMatch(LocalPorts::isListening)) {
            if (!master.isAlive()) {
                int status = master.exitValue();
                String out = Files.readString(directory().resolve("master.out"));
                stop();
                throw new IOException("Postfix master exited with status " + status + " during start-up"
                        + (out.isBlank() ? "" : ":\n" + out.strip()) + maillogTail());
            }
            if (System.nanoTime() - deadline >= 0) {
                stop();
                throw new IOException("Postfix did not listen on 127.0.0.1 ports " + ports + " within "
                        + STARTUP_TIMEOUT + maillogTail());
            }
            Thread.sleep(20);
        }
    }

    private void awaitQueue(IntPredicate condition, ToIntFunction<QueueCounts> measure,
            String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        QueueCounts counts = queueCounts();
        while (!condition.test(measure.applyAsInt(counts))) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("expected " + what + " within " + timeout + " but found " + counts
                        + "\n" + queueListing() + maillogTail());
            }
            Thread.sleep(50);
            counts = queueCounts();
        }
    }

    private String maillogTail() {
        List<String> lines = maillog().lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        return "\nlast lines of " + config.maillog() + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - MAILLOG_TAIL_LINES), lines.size()));
    }

    /** SIGKILL to the master and every process of its group, without waiting. */
    private void killNow() {
        if (master != null) {
            long pgid = master.pid();
            master.destroyForcibly();
            for (long pid : ProcessGroups.liveMembers(pgid)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("could not stop private Postfix in " + directory() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook is running or has run.
            }
        }
    }


    /** Settings of a private instance; only the relay port is required. */
    public static final class Builder {
        private PostfixInstallation installation = PostfixInstallation.debian();
        private int relayPort = -1;
        private OptionalInt filterPort = OptionalInt.empty();
        private int filterConcurrency = 2;
        private Duration lifetime = Duration.ofMinutes(30);
        private Path parentDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private final Map<String, String> extraMainCf = new LinkedHashMap<>();

        private Builder() {}

        /** Where all mail goes: {@code relayhost = [127.0.0.1]:port}. Required. */
        public Builder relayTo(int port) {
            this.relayPort = requirePort(port, "relay port");
            return this;
        }

        /**
         * Sends every message received on the smtpd port through an after-queue content filter
         * listening on 127.0.0.1:port ({@code content_filter = smtp-filter:[127.0.0.1]:port}),
         * and opens the re-injection port the filter delivers back to.
         */
        public Builder contentFilter(int port) {
            this.filterPort = OptionalInt.of(requirePort(port, "content filter port"));
            return this;
        }

        /** Parallel connections from Postfix to the content filter (maxproc of smtp-filter); default 2. */
        public Builder filterConcurrency(int connections) {
            if (connections < 1 || connections > 1000) {
                throw new IllegalArgumentException("filter concurrency must be 1..1000, was " + connections);
            }
            this.filterConcurrency = connections;
            return this;
        }

        /** The master exits by itself after this time (a safety net); default 30 minutes. */
        public Builder lifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.toSeconds() < 10) {
                throw new IllegalArgumentException("lifetime must be at least 10 seconds, was " + lifetime);
            }
            this.lifetime = lifetime;
            return this;
        }

        /**
         * Directory below which the instance directory is created; every directory on the path
         * must be searchable by other users. Default: {@code java.io.tmpdir}.
         */
        public Builder parentDirectory(Path directory) {
            this.parentDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Sets or overrides one main.cf parameter, e.g. {@code mainCf("message_size_limit", "1000000")}. */
        public Builder mainCf(String name, String value) {
            if (!name.matches("[a-z0-9_]+") || value.contains("\n")) {
                throw new IllegalArgumentException("bad main.cf parameter: " + name + " = " + value);
            }
            extraMainCf.put(name, value);
            return this;
        }

        Builder installation(PostfixInstallation installation) {
            this.installation = Objects.requireNonNull(installation, "installation");
            return this;
        }

        /** A configured instance, not started yet; its ports are already chosen. */
        public PrivatePostfix build() {
            if (relayPort < 0) {
                throw new IllegalStateException("relayTo(port) is required");
            }
            return new PrivatePostfix(this);
        }

        /** {@code build().start()}, stopping the instance again if start-up fails. */
        public PrivatePostfix start() throws IOException, InterruptedException {
            PrivatePostfix postfix = build();
            return Startup.orClose(postfix, postfix::start);
        }

        private static int requirePort(int port, String what) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(what + " must be 1..65535, was " + port);
            }
            return port;
        }
    }
}
