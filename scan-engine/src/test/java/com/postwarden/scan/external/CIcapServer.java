package com.postwarden.scan.external;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A private c-icap (Debian packages c-icap and libc-icap-mod-virus-scan: {@code /usr/bin/c-icap}, modules in
 * {@code /usr/lib/x86_64-linux-gnu/c_icap}) in the foreground with its own config: the virus_scan service backed
 * by a {@link ClamdServer} through clamd_mod, on 127.0.0.1. Stopped by the PID it was started with (and that
 * process's children). A missing binary or module fails the test.
 */
final class CIcapServer implements AutoCloseable {

    static final Path C_ICAP = Path.of("/usr/bin/c-icap");
    static final Path MODULES = Path.of("/usr/lib/x86_64-linux-gnu/c_icap");
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path dir;
    private final int port;
    private Process process;

    private CIcapServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static CIcapServer start(Path dir, ClamdServer clamd) throws IOException, InterruptedException {
        for (Path required : List.of(C_ICAP, MODULES.resolve("virus_scan.so"), MODULES.resolve("clamd_mod.so"))) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(required + " is missing: apt-get install c-icap libc-icap-mod-virus-scan");
            }
        }
        CIcapServer server = new CIcapServer(dir, ClamdServer.freePort());
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("c-icap.conf"), server.config(clamd));
        server.launch();
        return server;
    }

    private String config(ClamdServer clamd) {
        return String.join("\n",
                "PidFile " + dir.resolve("c-icap.pid"),
                "CommandsSocket " + dir.resolve("c-icap.ctl"),
                "Timeout 60",
                "MaxKeepAliveRequests 100",
                "KeepAliveTimeout 60",
                "StartServers 1",
                "MaxServers 2",
                "MinSpareThreads 2",
                "MaxSpareThreads 8",
                "ThreadsPerChild 8",
                "Port 127.0.0.1:" + port,
                "ServerName postwarden-test",
                "TmpDir " + dir.resolve("tmp"),
                "MaxMemObject 131072",
                "DebugLevel 1",
                "Pipelining on",
                "ModulesDir " + MODULES,
                "ServicesDir " + MODULES,
                "TemplateDir /usr/share/c_icap/templates/",
                "TemplateDefaultLanguage en",
                "LoadMagicFile /etc/c-icap/c-icap.magic",
                "ServerLog " + dir.resolve("server.log"),
                "AccessLog " + dir.resolve("access.log"),
                "Service antivirus_module virus_scan.so",
                "ServiceAlias avscan virus_scan?allow204=on&sizelimit=off&mode=simple",
                "virus_scan.ScanFileTypes TEXT DATA EXECUTABLE ARCHIVE GIF JPEG MSOFFICE",
                "virus_scan.SendPercentData 0",
                "virus_scan.StartSendPercentDataAfter 2M",
                "virus_scan.Allow204Responces on",
                "virus_scan.PassOnError off",
                "virus_scan.MaxObjectSize 5M",
                "virus_scan.DefaultEngine clamd",
                "Module common clamd_mod.so",
                "clamd_mod.ClamdSocket " + clamd.socket(),
                "");
    }

    /** Starts c-icap again after {@link #stop()}, on the same port. */
    void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(C_ICAP.toString(), "-N", "-f", dir.resolve("c-icap.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("c-icap.stdout").toFile())
                .start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("c-icap exited with " + process.exitValue() + ": " + log());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        stop();
        throw new IllegalStateException("c-icap did not listen within " + STARTUP + ": " + log());
    }

    /** Stops the c-icap this fixture started, and its child processes. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().collect(Collectors.toList());
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
                child.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
        }
    }

    String uri(String service) {
        return "icap://127.0.0.1:" + port + "/" + service;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("c-icap.stdout"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
