package com.postwarden.spam.dns;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xbill.DNS.Type;

/**
 * A private NSD (Debian package {@code nsd}) serving one zone on 127.0.0.1 and a free port, started in the
 * foreground from a temporary directory with its own configuration, and stopped by its process. Never touches a
 * system instance. A missing {@code nsd} binary fails the test that needs it.
 */
public final class NsdServer implements AutoCloseable {
    private static final List<Path> NSD_LOCATIONS = List.of(Path.of("/usr/sbin/nsd"), Path.of("/usr/bin/nsd"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final Process process;
    private final InetSocketAddress address;

    private NsdServer(Path dir, Process process, InetSocketAddress address) {
        this.dir = dir;
        this.process = process;
        this.address = address;
    }

    /** Starts NSD authoritative for {@code zone} and returns once it answers the zone's SOA. */
    public static NsdServer start(TestZone zone) throws IOException {
        Path nsd = NSD_LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElseThrow(
                () -> new IllegalStateException("nsd is not installed: apt-get install nsd"));
        Path dir = Files.createTempDirectory("postwarden-nsd");
        int port = freePort();
        Files.writeString(dir.resolve("zone.db"), zone.text(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("nsd.conf"), config(dir, port, zone.origin()), StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(nsd.toString(), "-d", "-c", dir.resolve("nsd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nsd.out").toFile()).start();
        NsdServer server = new NsdServer(dir, process, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        try {
            DnsClient probe = DnsClient.create(DnsSettings.of(List.of(server.address())).withCacheEntries(0)
                    .withTimeout(Duration.ofMillis(500)));
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nsd exited: " + server.log());
                }
                return probe.query(zone.origin(), Type.SOA) instanceof DnsAnswer.Found;
            });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Settings that ask only this server, with a short timeout and no cache unless a test wants one. */
    public DnsSettings settings() {
        return DnsSettings.of(List.of(address)).withTimeout(Duration.ofSeconds(2)).withCacheEntries(0);
    }

    public String log() {
        try {
            String out = Files.exists(dir.resolve("nsd.out")) ? Files.readString(dir.resolve("nsd.out")) : "";
            String log = Files.exists(dir.resolve("nsd.log")) ? Files.readString(dir.resolve("nsd.log")) : "";
            return out + log;
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String config(Path dir, int port, String origin) {
        return String.join("\n",
                "server:",
                "  ip-address: 127.0.0.1",
                "  port: " + port,
                "  username: \"\"",
                "  chroot: \"\"",
                "  zonesdir: \"" + dir + "\"",
                "  database: \"\"",
                "  zonelistfile: \"" + dir.resolve("zone.list") + "\"",
                "  xfrdfile: \"" + dir.resolve("xfrd.state") + "\"",
                "  xfrdir: \"" + dir + "\"",
                "  pidfile: \"" + dir.resolve("nsd.pid") + "\"",
                "  logfile: \"" + dir.resolve("nsd.log") + "\"",
                "  server-count: 1",
                "  verbosity: 1",
                "  hide-version: yes",
                "remote-control:",
                "  control-enable: no",
                "zone:",
                "  name: \"" + origin + "\"",
                "  zonefile: \"zone.db\"",
                "");
    }

    /** A port free for both UDP and TCP on loopback right now. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        port))) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port for both UDP and TCP on loopback");
    }
}
