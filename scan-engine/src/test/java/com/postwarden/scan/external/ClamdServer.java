package com.postwarden.scan.external;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private clamd (Debian package clamav-daemon, {@code /usr/sbin/clamd}) run in the foreground from its own
 * directory: own config, own signature database ({@link TestObjects#signatures()}), a Unix socket and a TCP
 * port on 127.0.0.1. Stopped by the PID it was started with. A missing binary fails the test.
 */
final class ClamdServer implements AutoCloseable {

    static final Path CLAMD = Path.of("/usr/sbin/clamd");
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path dir;
    private final Path socket;
    private final int tcpPort;
    private final String streamMaxLength;
    private Process process;

    private ClamdServer(Path dir, String streamMaxLength) throws IOException {
        this.dir = dir;
        this.socket = dir.resolve("clamd.sock");
        this.tcpPort = freePort();
        this.streamMaxLength = streamMaxLength;
    }

    /** Starts a clamd in {@code dir} (keep the path short: Unix socket paths hold 107 bytes). */
    static ClamdServer start(Path dir, String streamMaxLength) throws IOException, InterruptedException {
        if (!Files.isExecutable(CLAMD)) {
            throw new IllegalStateException(CLAMD + " is missing: apt-get install clamav-daemon");
        }
        ClamdServer server = new ClamdServer(dir, streamMaxLength);
        Files.createDirectories(dir.resolve("db"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("db/postwarden-test.ndb"), TestObjects.signatures());
        Files.writeString(dir.resolve("clamd.conf"), server.config());
        server.launch();
        return server;
    }

    private String config() {
        return String.join("\n",
                "Foreground yes",
                "LogFile " + dir.resolve("clamd.log"),
                "LogTime yes",
                "PidFile " + dir.resolve("clamd.pid"),
                "TemporaryDirectory " + dir.resolve("tmp"),
                "DatabaseDirectory " + dir.resolve("db"),
                "OfficialDatabaseOnly no",
                "LocalSocket " + socket,
                "LocalSocketMode 600",
                "FixStaleSocket yes",
                "TCPAddr 127.0.0.1",
                "TCPSocket " + tcpPort,
                "MaxThreads 4",
                "SelfCheck 0",
                "DisableCache yes",
                "StreamMaxLength " + streamMaxLength,
                "");
    }

    /** Starts clamd again after {@link #stop()}, on the same socket and port. */
    void launch() throws IOException, InterruptedException {
        Files.deleteIfExists(socket);
        process = new ProcessBuilder(CLAMD.toString(), "--config-file=" + dir.resolve("clamd.conf"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("clamd.stdout").toFile())
                .start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("clamd exited with " + process.exitValue() + ": " + log());
            }
            if (pong()) {
                return;
            }
            Thread.sleep(50);
        }
        stop();
        throw new IllegalStateException("clamd did not answer PING within " + STARTUP + ": " + log());
    }

    private boolean pong() {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("zPING\0".getBytes(StandardCharsets.US_ASCII)));
            InputStream in = Channels.newInputStream(channel);
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops clamd by its PID and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    Path socket() {
        return socket;
    }

    /** The process id, e.g. to stop it with SIGSTOP: a clamd that accepts connections and never answers. */
    long pid() {
        return process.pid();
    }

    InetSocketAddress tcp() {
        return new InetSocketAddress("127.0.0.1", tcpPort);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("clamd.stdout")) + Files.readString(dir.resolve("clamd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
