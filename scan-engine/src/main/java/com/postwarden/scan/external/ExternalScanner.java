package com.postwarden.scan.external;

import java.io.InputStream;

/**
 * A client of one external scan engine (clamd, an ICAP antivirus service).
 *
 * <p>Thread-safety: implementations are safe for concurrent use by many threads; each call to
 * {@link #scan} uses its own connection. Every blocking step (connect, each write, each read, the wait for
 * the verdict) is bounded by a configured timeout, so a stalled engine yields {@link ExternalResult.Failed}
 * rather than a blocked caller.
 *
 * <p>Lifecycle: create once per configured engine, share, and {@link #close()} at shutdown; a scan after
 * {@code close()} returns {@link ExternalResult.Failed}.
 */
public interface ExternalScanner extends AutoCloseable {

    /** A stable name for logs and reports, e.g. {@code clamd} or {@code icap:virus_scan}. */
    String name();

    /**
     * Sends one object to the engine and returns its verdict. Never throws for engine or network trouble:
     * those are {@link ExternalResult.Failed}.
     *
     * @param content the decoded object; exactly {@code size} bytes are read from it and it is not closed
     * @param size the object's length in bytes, known beforehand; objects larger than the configured
     *     maximum are {@link ExternalResult.NotScanned} without contacting the engine
     * @return the verdict; {@link ExternalResult.Clean} only if the engine reported the whole object clean
     */
    ExternalResult scan(InputStream content, long size);

    /** Asks the engine for its version (clamd {@code VERSION}, ICAP {@code OPTIONS}) without scanning. */
    EngineHealth health();

    /** Releases pooled connections. Idempotent. */
    @Override
    void close();
}
