package com.postwarden.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** TCP ports on 127.0.0.1: picking free ones and seeing whether something listens on one. */
final class LocalPorts {

    private static final Path PROC_NET_TCP = Path.of("/proc/net/tcp");
    private static final Path PROC_NET_TCP6 = Path.of("/proc/net/tcp6");
    private static final String LOOPBACK_HEX = "0100007F";
    private static final String IPV4_ANY = "00000000";
    /** ::ffff:127.0.0.1 as the kernel prints it (four host-order 32-bit words). */
    private static final String MAPPED_LOOPBACK_HEX = "0000000000000000FFFF00000100007F";
    private static final String IPV6_ANY = "00000000000000000000000000000000";
    private static final String STATE_LISTEN = "0A";

    private LocalPorts() {}

    /**
     * A port that was free on 127.0.0.1 a moment ago. Another process can take it before the
     * caller binds it; for tests on one machine that window is acceptable.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * Whether a socket is in LISTEN state on 127.0.0.1:port or the wildcard address, over IPv4 or as a Java-style
     * dual-stack IPv6 socket (::ffff:127.0.0.1 or ::). Reads /proc/net/tcp and /proc/net/tcp6 rather than
     * connecting, so the probe leaves no trace in the listener's log.
     */
    static boolean isListening(int port) {
        return listensOn(PROC_NET_TCP, port, LOOPBACK_HEX, IPV4_ANY)
                || listensOn(PROC_NET_TCP6, port, MAPPED_LOOPBACK_HEX, IPV6_ANY);
    }

    private static boolean listensOn(Path table, int port, String loopback, String any) {
        if (!Files.exists(table)) {
            return false;
        }
        String portHex = String.format(Locale.ROOT, "%04X", port);
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4) {
                continue;
            }
            String local = fields[1];
            int colon = local.indexOf(':');
            if (colon < 0 || !local.substring(colon + 1).equals(portHex) || !fields[3].equals(STATE_LISTEN)) {
                continue;
            }
            String address = local.substring(0, colon);
            if (address.equals(loopback) || address.equals(any)) {
                return true;
            }
        }
        return false;
    }
}
