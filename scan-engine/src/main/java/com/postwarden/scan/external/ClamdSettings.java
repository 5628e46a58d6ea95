package com.postwarden.scan.external;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one clamd and the bounds of a scan there.
 *
 * @param address {@link InetSocketAddress} for clamd's {@code TCPSocket}, {@link UnixDomainSocketAddress} for its
 *     {@code LocalSocket}
 * @param connectTimeout bound on establishing the connection
 * @param ioTimeout bound on each wait for clamd to take a chunk or to send bytes
 * @param verdictTimeout bound on the wait for the reply after the last chunk (clamd scans only then; a large
 *     archive can take a while)
 * @param maxSize objects larger than this are {@link ExternalResult.NotScanned} without being sent; set it at or
 *     below clamd's {@code StreamMaxLength} (Debian: 25M)
 * @param chunkSize bytes per {@code INSTREAM} chunk
 */
public record ClamdSettings(
        SocketAddress address,
        Duration connectTimeout,
        Duration ioTimeout,
        Duration verdictTimeout,
        long maxSize,
        int chunkSize) {

    /** Debian's {@code StreamMaxLength}. */
    public static final long DEFAULT_MAX_SIZE = 25L << 20;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_VERDICT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_CHUNK_SIZE = 64 << 10;
    private static final int MAX_CHUNK_SIZE = 16 << 20;

    public ClamdSettings {
        Objects.requireNonNull(address, "clamd address");
        if (!(address instanceof InetSocketAddress) && !(address instanceof UnixDomainSocketAddress)) {
            throw new IllegalArgumentException("clamd address must be host:port or a Unix socket, was " + address);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(ioTimeout, "ioTimeout");
        requirePositive(verdictTimeout, "verdictTimeout");
        if (maxSize <= 0) {
            throw new IllegalArgumentException("maxSize must be positive, was " + maxSize);
        }
        if (chunkSize <= 0 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunkSize must be in 1.." + MAX_CHUNK_SIZE + ", was " + chunkSize);
        }
    }

    /** clamd on {@code host:port} (its {@code TCPSocket}) with the default bounds. */
    public static ClamdSettings tcp(String host, int port) {
        return of(new InetSocketAddress(host, port));
    }

    /** clamd on its {@code LocalSocket} with the default bounds. */
    public static ClamdSettings unix(Path socket) {
        return of(UnixDomainSocketAddress.of(socket));
    }

    private static ClamdSettings of(SocketAddress address) {
        return new ClamdSettings(address, DEFAULT_CONNECT_TIMEOUT, DEFAULT_IO_TIMEOUT, DEFAULT_VERDICT_TIMEOUT,
                DEFAULT_MAX_SIZE, DEFAULT_CHUNK_SIZE);
    }

    public ClamdSettings withTimeouts(Duration connect, Duration io, Duration verdict) {
        return new ClamdSettings(address, connect, io, verdict, maxSize, chunkSize);
    }

    public ClamdSettings withMaxSize(long bytes) {
        return new ClamdSettings(address, connectTimeout, ioTimeout, verdictTimeout, bytes, chunkSize);
    }

    public ClamdSettings withChunkSize(int bytes) {
        return new ClamdSettings(address, connectTimeout, ioTimeout, verdictTimeout, maxSize, bytes);
    }

    static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
