package com.postwarden.scan.external;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one ICAP antivirus service and the bounds of a scan there.
 *
 * @param service the service URI, {@code icap://host[:port]/service} (port 1344 if omitted), e.g. c-icap's
 *     {@code icap://127.0.0.1:1344/virus_scan}
 * @param label names the engine in logs: {@link IcapScanner#name()} is {@code icap:<label>}
 * @param connectTimeout bound on establishing a connection
 * @param ioTimeout bound on each wait for the server to take or send bytes
 * @param verdictTimeout bound on the wait for the reply after the last byte was sent
 * @param maxSize objects larger than this are {@link ExternalResult.NotScanned} without being sent. Keep it at or
 *     below the server's own limit: c-icap's virus_scan answers 204 <em>unscanned</em> past its
 *     {@code MaxObjectSize} (5M by default), which would otherwise read as clean
 * @param maxConnections connections kept to the server; lowered to the server's {@code Max-Connections}
 * @param idleTimeout pooled connections idle longer than this are closed rather than reused (c-icap's
 *     {@code KeepAliveTimeout} is 60 s)
 * @param defaultOptionsTtl how long an {@code OPTIONS} reply without {@code Options-TTL} is trusted
 */
public record IcapSettings(
        URI service,
        String label,
        Duration connectTimeout,
        Duration ioTimeout,
        Duration verdictTimeout,
        long maxSize,
        int maxConnections,
        Duration idleTimeout,
        Duration defaultOptionsTtl) {

    public static final int DEFAULT_PORT = 1344;
    /** c-icap virus_scan's default {@code MaxObjectSize}. */
    public static final long DEFAULT_MAX_SIZE = 5L << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 8;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_OPTIONS_TTL = Duration.ofHours(1);

    public IcapSettings {
        Objects.requireNonNull(service, "ICAP service URI");
        if (!"icap".equalsIgnoreCase(service.getScheme()) || service.getHost() == null
                || service.getRawPath() == null || service.getRawPath().length() < 2) {
            throw new IllegalArgumentException("ICAP service must be icap://host[:port]/service, was " + service);
        }
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        ClamdSettings.requirePositive(connectTimeout, "connectTimeout");
        ClamdSettings.requirePositive(ioTimeout, "ioTimeout");
        ClamdSettings.requirePositive(verdictTimeout, "verdictTimeout");
        ClamdSettings.requirePositive(idleTimeout, "idleTimeout");
        ClamdSettings.requirePositive(defaultOptionsTtl, "defaultOptionsTtl");
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxSize must be positive, was " + maxSize);
        }
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
        }
    }

    /** The service at {@code uri} with default bounds; the label is the service name, e.g. {@code virus_scan}. */
    public static IcapSettings of(String uri) {
        URI service = URI.create(uri);
        String path = service.getPath() == null ? "" : service.getPath();
        return new IcapSettings(service, path.startsWith("/") ? path.substring(1) : path,
                ClamdSettings.DEFAULT_CONNECT_TIMEOUT, ClamdSettings.DEFAULT_IO_TIMEOUT,
                ClamdSettings.DEFAULT_VERDICT_TIMEOUT, DEFAULT_MAX_SIZE, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_OPTIONS_TTL);
    }

    public IcapSettings withLabel(String name) {
        return new IcapSettings(service, name, connectTimeout, ioTimeout, verdictTimeout, maxSize, maxConnections,
                idleTimeout, defaultOptionsTtl);
    }

    public IcapSettings withTimeouts(Duration connect, Duration io, Duration verdict) {
        return new IcapSettings(service, label, connect, io, verdict, maxSize, maxConnections, idleTimeout,
                defaultOptionsTtl);
    }

    public IcapSettings withMaxSize(long bytes) {
        return new IcapSettings(service, label, connectTimeout, ioTimeout, verdictTimeout, bytes, maxConnections,
                idleTimeout, defaultOptionsTtl);
    }

    public IcapSettings withMaxConnections(int connections) {
        return new IcapSettings(service, label, connectTimeout, ioTimeout, verdictTimeout, maxSize, connections,
                idleTimeout, defaultOptionsTtl);
    }

    /** The server's address. */
    InetSocketAddress address() {
        return new InetSocketAddress(service.getHost(), service.getPort() < 0 ? DEFAULT_PORT : service.getPort());
    }

    /** The value of the {@code Host} header. */
    String hostHeader() {
        return service.getHost() + ":" + (service.getPort() < 0 ? DEFAULT_PORT : service.getPort());
    }
}
