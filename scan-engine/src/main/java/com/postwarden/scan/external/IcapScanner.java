package com.postwarden.scan.external;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scans objects with an ICAP antivirus service (RFC 3507): c-icap's virus_scan, ESET, Kaspersky, Sophos and
 * the like. Reads the service's {@code OPTIONS} (methods, preview size, {@code Max-Connections},
 * {@code ISTag}, {@code Options-TTL}) and reads them again when their TTL has passed or a reply carries another
 * {@code ISTag}; sends each object as a {@code RESPMOD} with {@code Allow: 204} and the announced preview; keeps
 * persistent connections in a pool bounded by {@code Max-Connections}. Verdicts are read as described in
 * {@link IcapVerdict}: only 204, or a 200 returning the object unchanged, is clean.
 *
 * <p>Objects larger than {@link IcapSettings#maxSize()} are not sent: servers commonly pass what exceeds their
 * own limit unscanned with a 204 (c-icap virus_scan past {@code MaxObjectSize}), which must not read as clean.
 *
 * <p>A pooled connection the server has meanwhile closed (idle timeout, restart) is detected before use where
 * possible; if it fails anyway before any byte beyond the preview was consumed, the request is repeated once on
 * a new connection.
 *
 * <p>Hand-written rather than built on {@code toolarium-icap-client} (the one maintained Java ICAP client on
 * Maven Central): that library reports infections by throwing, caches {@code OPTIONS} without honouring
 * {@code Options-TTL}, spools every reply to a temporary file and has no retry of stale pooled connections;
 * the protocol subset a virus scan needs is small.
 *
 * <p>Thread-safe; see {@link ExternalScanner} for the contract.
 */
public final class IcapScanner implements ExternalScanner {

    private final IcapSettings settings;
    private final Clock clock;
    private final IcapConnectionPool pool;
    private final AtomicReference<IcapOptions> options = new AtomicReference<>();
    private final ReentrantLock optionsLock = new ReentrantLock();
    private volatile boolean closed;

    public IcapScanner(IcapSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that ages {@code OPTIONS} replies and idle connections. */
    public IcapScanner(IcapSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = new IcapConnectionPool(settings, clock);
    }

    @Override
    public String name() {
        return "icap:" + settings.label();
    }

    /** The settings this scanner was built with. */
    public IcapSettings settings() {
        return settings;
    }

    /** The service's current {@code OPTIONS}, read again if expired or never read. */
    public IcapOptions options() throws IOException {
        IcapOptions current = options.get();
        if (current != null && !current.expiredAt(clock.instant())) {
            return current;
        }
        optionsLock.lock();
        try {
            current = options.get();
            if (current == null || current.expiredAt(clock.instant())) {
                current = fetchOptions();
                options.set(current);
                current.maxConnections().ifPresent(pool::serverLimit);
            }
            return current;
        } finally {
            optionsLock.unlock();
        }
    }

    @Override
    public ExternalResult scan(InputStream content, long size) {
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        if (closed) {
            return new ExternalResult.Failed(name() + ": scanner closed");
        }
        if (size > settings.maxSize()) {
            return new ExternalResult.NotScanned(name() + ": object of " + size + " bytes exceeds maxSize "
                    + settings.maxSize() + " (not sent: larger objects may be passed unscanned)");
        }
        IcapOptions current;
        byte[] preview;
        try {
            current = options();
            if (!current.supportsRespmod()) {
                return new ExternalResult.Failed(name() + ": service does not offer RESPMOD " + current.methods());
            }
            preview = current.preview().isPresent()
                    ? readPreview(content, (int) Math.min(current.preview().getAsInt(), size))
                    : null;
        } catch (ObjectReader.ObjectReadException e) {
            return new ExternalResult.Failed(name() + ": " + e.getMessage());
        } catch (IOException e) {
            return new ExternalResult.Failed(name() + ": OPTIONS failed: " + describe(e));
        }
        return respmod(current, preview, content, size);
    }

    private ExternalResult respmod(IcapOptions current, byte[] preview, InputStream content, long size) {
        for (int attempt = 0; ; attempt++) {
            IcapConnection connection;
            try {
                connection = pool.acquire(attempt == 0);
            } catch (IOException e) {
                return new ExternalResult.Failed(name() + " at " + settings.hostHeader() + ": " + describe(e));
            }
            IcapExchange exchange = new IcapExchange(settings, connection);
            try {
                IcapResponse reply = exchange.run(preview, content, size);
                noteIsTag(current, reply);
                ExternalResult result = IcapVerdict.of(reply, size, exchange.sentSha256(), name());
                if (result instanceof ExternalResult.Clean && !exchange.wholeSent() && exchange.restTouched()) {
                    return new ExternalResult.Failed(name() + ": replied before the whole object was sent");
                }
                return result;
            } catch (ObjectReader.ObjectReadException e) {
                return new ExternalResult.Failed(name() + ": " + e.getMessage());
            } catch (IOException e) {
                if (attempt == 0 && connection.reused && !exchange.restTouched()) {
                    continue; // a pooled connection the server had closed: once more on a new one
                }
                return new ExternalResult.Failed(name() + " at " + settings.hostHeader() + ": " + describe(e));
            } finally {
                pool.release(connection, exchange.reusable());
            }
        }
    }

    private void noteIsTag(IcapOptions current, IcapResponse reply) {
        reply.headers().first("ISTag")
                .filter(tag -> !tag.equals(current.isTag()))
                .ifPresent(changed -> options.compareAndSet(current, null));
    }

    private IcapOptions fetchOptions() throws IOException {
        byte[] request = ("OPTIONS " + settings.service() + " ICAP/1.0\r\n"
                + "Host: " + settings.hostHeader() + "\r\n"
                + "Encapsulated: null-body=0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int attempt = 0; ; attempt++) {
            IcapConnection connection = pool.acquire(attempt == 0);
            boolean reusable = false;
            try {
                connection.channel.writeFully(ByteBuffer.wrap(request));
                connection.channel.streamTimeout(settings.ioTimeout().toMillis());
                IcapResponse reply = new IcapResponseReader(connection.in, IcapResponseReader.MAX_HEAD_BYTES).read();
                reusable = reply.keepAlive();
                if (reply.status() != 200) {
                    throw new IOException("OPTIONS answered " + reply.status() + " " + ClamdReply.quote(reply.reason()));
                }
                return IcapOptions.from(reply, settings.defaultOptionsTtl(), clock.instant());
            } catch (IOException e) {
                if (attempt > 0 || !connection.reused) {
                    throw e;
                }
            } finally {
                pool.release(connection, reusable);
            }
        }
    }

    private static byte[] readPreview(InputStream content, int length) throws ObjectReader.ObjectReadException {
        byte[] preview = new byte[length];
        ObjectReader.readFully(content, preview, length);
        return preview;
    }

    @Override
    public EngineHealth health() {
        if (closed) {
            return new EngineHealth.Unavailable(name() + ": scanner closed");
        }
        try {
            optionsLock.lock();
            try {
                options.set(null);
            } finally {
                optionsLock.unlock();
            }
            IcapOptions current = options();
            return new EngineHealth.Available(current.service() + " ISTag " + current.isTag());
        } catch (IOException e) {
            return new EngineHealth.Unavailable(name() + " at " + settings.hostHeader() + ": " + describe(e));
        }
    }

    /** Idle connections now in the pool (for tests and the console). */
    int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
