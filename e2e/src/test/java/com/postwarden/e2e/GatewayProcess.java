package com.postwarden.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real gateway, run from the built distribution ({@code bin/postwarden serve --config FILE}) as a child
 * process of the test JVM, with its own configuration file, data directory and log files in a temporary
 * directory.
 *
 * <pre>{@code
 * try (GatewayProcess gateway = GatewayProcess.builder().nextHop(sink.port()).relayDomains("a.test").start()) {
 *     MailInjector.to(gateway.port()).send(mail);
 *     gateway.sigterm();
 *     assertThat(gateway.waitFor(Duration.ofSeconds(30))).isZero();
 * }
 * }</pre>
 *
 * <p>The distribution is found through the system property {@value #DISTRIBUTION_PROPERTY}, which the e2e
 * module's failsafe configuration sets to {@code server/target/postwarden}; the reactor builds and packages
 * the server before the end-to-end tests run.
 *
 * <p>Standard output (the gateway's log) and standard error are appended to {@code stdout.log} and
 * {@code stderr.log} in the process directory, across restarts. {@link #close()} kills the process if it is
 * still running and deletes the directory (kept when the system property {@code postwarden.e2e.keep} is
 * {@code true}); a JVM shutdown hook kills it too if a test never gets to close it.
 *
 * <p>Not thread-safe for lifecycle calls; the log and signal methods may be called from any thread.
 */
public final class GatewayProcess implements AutoCloseable {

    /** System property naming the distribution directory (with {@code bin/postwarden} and {@code lib/}). */
    public static final String DISTRIBUTION_PROPERTY = "postwarden.distribution";
    /** The gateway's name in its greeting, EHLO reply and {@code Received:} header, unless configured otherwise. */
    public static final String DEFAULT_HOSTNAME = "gateway.postwarden.test";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Duration SIGNAL_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** Logged by {@code postwarden serve}, followed by the configuration file, once its signal handlers are installed. */
    private static final String STARTED_WITH = " started with ";
    private static final int TAIL_LINES = 40;

    private final Path launcher;
    private final Path directory;
    private final Path configFile;
    private final Path stdout;
    private final Path stderr;
    private final int port;
    private Process process;
    private long launchOffset;
    private Thread shutdownHook;
    private boolean closed;

    private GatewayProcess(Builder builder) throws IOException {
        this.launcher = distribution().resolve("bin").resolve("postwarden");
        this.port = builder.listenPort > 0 ? builder.listenPort : LocalPorts.freePort();
        this.directory = Files.createTempDirectory("postwarden-gateway-");
        this.configFile = directory.resolve("postwarden.yaml");
        this.stdout = directory.resolve("stdout.log");
        this.stderr = directory.resolve("stderr.log");
        writeConfig(builder.render(port, directory.resolve("var")));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The distribution directory named by {@value #DISTRIBUTION_PROPERTY}, checked to hold an executable
     * launcher and the jars.
     *
     * @throws IllegalStateException with what to do when the property is missing or the directory is not a
     *     built distribution
     */
    public static Path distribution() {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY);
        String howToBuild = "build it with './mvnw -B -DskipTests package' (or run the tests through the reactor: "
                + "./mvnw -B -pl e2e -am verify)";
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property " + DISTRIBUTION_PROPERTY + " is not set; it names the "
                    + "gateway distribution (server/target/postwarden) and is set by the e2e module's failsafe "
                    + "configuration; " + howToBuild);
        }
        Path home = Path.of(configured).toAbsolutePath().normalize();
        Path launcher = home.resolve("bin").resolve("postwarden");
        if (!Files.isExecutable(launcher) || !Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException("no gateway distribution at " + home + " (" + launcher
                    + " is missing or not executable); " + howToBuild);
        }
        return home;
    }

    /** The port the gateway listens on (127.0.0.1); chosen when the process object is built. */
    public int port() {
        return port;
    }

    /** PID of the running process (the JVM: the launcher execs it). */
    public long pid() {
        requireLaunched();
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Where the configuration, the data directory and the log files are. */
    public Path directory() {
        return directory;
    }

    public Path configFile() {
        return configFile;
    }

    /** {@code dataDir} of the configuration. */
    public Path dataDirectory() {
        return directory.resolve("var");
    }

    /** Where the gateway writes messages above {@code memorySpoolThreshold} while it processes them. */
    public Path spoolDirectory() {
        return dataDirectory().resolve("spool");
    }

    /** Regular files in the spool directory right now (none if it does not exist). */
    public List<Path> spoolFiles() {
        if (!Files.isDirectory(spoolDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spoolDirectory())) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the spool directory holds no file. A spool file is deleted just after the reply to its
     * message has been written, so a client can see the reply a moment before the file is gone.
     *
     * @throws AssertionError on timeout, naming the files left
     */
    public void awaitEmptySpool(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> files = spoolFiles();
        while (!files.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("spool files left after " + timeout + ": " + files + diagnostics());
            }
            Thread.sleep(20);
            files = spoolFiles();
        }
    }

    /** The configuration file as it is now. */
    public String configText() {
        try {
            return Files.readString(configFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the configuration file atomically (write aside, then rename), so that a reload never reads a
     * half-written file. The running process sees it at its next {@link #sighup()} or restart.
     */
    public void writeConfig(String text) throws IOException {
        Path next = directory.resolve("postwarden.yaml.next");
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** 1-based line of the configuration file that contains {@code fragment}. */
    public int configLineOf(String fragment) {
        List<String> lines = configText().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("'" + fragment + "' is not in " + configFile + ":\n" + configText());
    }

    /** {@link #launch()}, then {@link #awaitReady(Duration)} with the default start-up bound. */
    public GatewayProcess start() throws IOException, InterruptedException {
        launch();
        awaitReady(STARTUP_TIMEOUT);
        return this;
    }

    /**
     * Starts {@code bin/postwarden serve --config FILE} and returns at once, without waiting for it to listen
     * (for tests of start-up failures). Working directory: {@link #directory()}.
     */
    public GatewayProcess launch() throws IOException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (isAlive()) {
            throw new IllegalStateException("already running (PID " + process.pid() + ")");
        }
        launchOffset = Files.exists(stdout) ? Files.size(stdout) : 0;
        process = new ProcessBuilder(launcher.toString(), "serve", "--config", configFile.toString())
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .start();
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::killQuietly, "gateway-process-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    /**
     * Waits until the gateway listens on its port and has logged that it started (its signal handlers are
     * installed only then, so a signal sent earlier would not be handled as documented).
     *
     * @throws IOException if the process exits first or is not ready in time; the message carries its output
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        requireLaunched();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(LocalPorts.isListening(port) && startedSinceLaunch())) {
            if (!process.isAlive()) {
                throw new IOException("the gateway exited with status " + process.exitValue()
                        + " during start-up" + diagnostics());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException("the gateway did not listen on 127.0.0.1:" + port + " within " + timeout
                        + diagnostics());
            }
            Thread.sleep(20);
        }
    }

    private boolean startedSinceLaunch() {
        String started = STARTED_WITH + configFile;
        return logSinceLaunch().lines().anyMatch(line -> line.endsWith(started));
    }

    /** Sends SIGTERM: the gateway drains and exits 0. */
    public void sigterm() throws IOException {
        signal("TERM");
    }

    /** Sends SIGHUP: the gateway reads its configuration again. */
    public void sighup() throws IOException {
        signal("HUP");
    }

    /** Sends SIGKILL (a crash, as far as the gateway can tell) without waiting for the process to go. */
    public void kill9() throws IOException {
        signal("KILL");
    }

    private void signal(String name) throws IOException {
        requireLaunched();
        if (!process.isAlive()) {
            throw new IllegalStateException("the gateway is not running (exit status " + process.exitValue()
                    + "), cannot send SIG" + name);
        }
        ExternalCommand.check(SIGNAL_COMMAND_TIMEOUT, "kill", "-s", name, Long.toString(process.pid()));
    }

    /**
     * Waits for the process to exit.
     *
     * @return its exit status (128 + signal number when a signal ended it)
     * @throws AssertionError if it is still running after {@code timeout}
     */
    public int waitFor(Duration timeout) throws InterruptedException {
        requireLaunched();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the gateway (PID " + process.pid() + ") still runs after " + timeout
                    + diagnostics());
        }
        return process.exitValue();
    }

    /**
     * Starts the gateway again with the same configuration file and port, once the previous process has
     * exited (waiting a few seconds for a process that was just killed), and waits until it is ready.
     */
    public GatewayProcess restart() throws IOException, InterruptedException {
        requireLaunched();
        if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the gateway (PID " + process.pid() + ") is still running; stop it "
                    + "before restarting");
        }
        return start();
    }

    /** Everything the gateway wrote to standard output (its log), across restarts. */
    public String log() {
        return read(stdout);
    }

    /** Everything the gateway wrote to standard error, across restarts. */
    public String stderr() {
        return read(stderr);
    }

    /** What the current (or last) process wrote to standard output. */
    public String logSinceLaunch() {
        if (!Files.exists(stdout)) {
            return "";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(stdout)) {
            channel.position(launchOffset);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the log (all processes) that contain {@code fragment}. */
    public List<String> logLines(String fragment) {
        return log().lines().filter(line -> line.contains(fragment)).toList();
    }

    /**
     * Waits until at least {@code count} lines of the log contain {@code fragment}.
     *
     * @return those lines
     * @throws AssertionError on timeout, with the end of the log
     */
    public List<String> awaitLogLines(String fragment, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = logLines(fragment);
        while (lines.size() < count) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("expected " + count + " log line(s) containing '" + fragment + "' within "
                        + timeout + " but found " + lines.size() + diagnostics());
            }
            Thread.sleep(50);
            lines = logLines(fragment);
        }
        return lines;
    }

    /** The first log line containing {@code fragment}, waiting for it if need be. */
    public String awaitLogLine(String fragment, Duration timeout) throws InterruptedException {
        return awaitLogLines(fragment, 1, timeout).get(0);
    }

    /** Kills the process if it still runs, waits for it, and deletes the directory unless asked to keep it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            killQuietly();
        } finally {
            removeShutdownHook();
            if (!Boolean.getBoolean("postwarden.e2e.keep")) {
                TestFiles.deleteRecursively(directory);
            }
        }
    }

    /** The end of both output files and the exit status, for failure messages. */
    public String diagnostics() {
        StringBuilder out = new StringBuilder();
        if (process != null && !process.isAlive()) {
            out.append("\nexit status: ").append(process.exitValue());
        }
        out.append(tail("standard error", stderr)).append(tail("log", stdout));
        return out.toString();
    }

    private String tail(String what, Path file) {
        List<String> lines = read(file).lines().toList();
        if (lines.isEmpty()) {
            return "";
        }
        return "\nlast lines of the gateway's " + what + " (" + file + "):\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private void killQuietly() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroyForcibly();
        try {
            if (!running.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("gateway process " + running.pid() + " survived SIGKILL for " + KILL_WAIT);
            }
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

    private void requireLaunched() {
        if (process == null) {
            throw new IllegalStateException("not launched yet");
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /**
     * Settings of the configuration file the gateway is started with; only the next hop is required. The file
     * is rendered as YAML with the keys of docs/configuration.md; {@code dataDir} is the process directory's
     * {@code var/}.
     */
    public static final class Builder {
        private int listenPort;
        private int nextHopPort = -1;
        private String hostname = DEFAULT_HOSTNAME;
        private List<String> relayDomains = List.of();
        private List<String> trustedNetworks = List.of("127.0.0.0/8");
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private final List<String> smtpLines = new ArrayList<>();
        private final List<String> topLevelLines = new ArrayList<>();

        private Builder() {}

        /** Port to listen on (127.0.0.1); default a free port. */
        public Builder listenPort(int port) {
            this.listenPort = requirePort(port, "listen port");
            return this;
        }

        /** {@code smtp.nextHop: 127.0.0.1:port}. Required. */
        public Builder nextHop(int port) {
            this.nextHopPort = requirePort(port, "next hop port");
            return this;
        }

        /** {@code smtp.hostname}; default {@value GatewayProcess#DEFAULT_HOSTNAME}. */
        public Builder hostname(String name) {
            this.hostname = Objects.requireNonNull(name, "name");
            return this;
        }

        /** {@code smtp.relayDomains}; default none. */
        public Builder relayDomains(String... domains) {
            this.relayDomains = List.of(domains);
            return this;
        }

        /** {@code smtp.trustedNetworks}; default {@code [127.0.0.0/8]}, so the test's clients are trusted. */
        public Builder trustedNetworks(String... networks) {
            this.trustedNetworks = List.of(networks);
            return this;
        }

        /** {@code shutdownTimeout}; default 30 s. */
        public Builder shutdownTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("shutdown timeout must be positive, was " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /** A line added inside the {@code smtp:} section, e.g. {@code "memorySpoolThreshold: 1KB"}. */
        public Builder smtpLine(String line) {
            smtpLines.add(requireOneLine(line));
            return this;
        }

        /** A line added at the top level of the file, after the generated keys. */
        public Builder topLevelLine(String line) {
            topLevelLines.add(requireOneLine(line));
            return this;
        }

        /** Writes the configuration; the process is not started yet, but its port is chosen. */
        public GatewayProcess build() throws IOException {
            if (nextHopPort < 0) {
                throw new IllegalStateException("nextHop(port) is required");
            }
            return new GatewayProcess(this);
        }

        /** {@code build().start()}, closing the process again if start-up fails. */
        public GatewayProcess start() throws IOException, InterruptedException {
            GatewayProcess gateway = build();
            return Startup.orClose(gateway, gateway::start);
        }

        String render(int port, Path dataDir) {
            StringBuilder out = new StringBuilder("# Postwarden configuration for an end-to-end test (generated)\n")
                    .append("smtp:\n")
                    .append("  listen: 127.0.0.1:").append(port).append('\n')
                    .append("  hostname: ").append(hostname).append('\n')
                    .append("  nextHop: 127.0.0.1:").append(nextHopPort).append('\n')
                    .append("  trustedNetworks: ").append(flowList(trustedNetworks)).append('\n')
                    .append("  relayDomains: ").append(flowList(relayDomains)).append('\n');
            smtpLines.forEach(line -> out.append("  ").append(line).append('\n'));
            out.append("dataDir: ").append(dataDir).append('\n')
                    .append("shutdownTimeout: ").append(shutdownTimeout.toMillis()).append("ms\n");
            topLevelLines.forEach(line -> out.append(line).append('\n'));
            return out.toString();
        }

        private static String flowList(List<String> items) {
            return items.stream().map(item -> '"' + item + '"').toList().toString();
        }

        private static String requireOneLine(String line) {
            if (line.contains("\n")) {
                throw new IllegalArgumentException("one line expected, got: " + line);
            }
            return line;
        }

        private static int requirePort(int port, String what) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(what + " must be 1..65535, was " + port);
            }
            return port;
        }
    }
}
