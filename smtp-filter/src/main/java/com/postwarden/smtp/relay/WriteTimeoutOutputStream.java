package com.postwarden.smtp.relay;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Bounds each write to a socket: a socket write has no timeout of its own and blocks for ever when the peer stops
 * reading. While a write is in progress the {@link WriteWatchdog} watches it and aborts the connection when it has
 * not completed in time; the caller writes in bounded chunks (a buffered stream), so this is a limit on the time
 * without progress. Not thread-safe; the timeout is set by the single thread using the connection.
 */
final class WriteTimeoutOutputStream extends FilterOutputStream {
    private final WriteWatchdog watchdog;
    private final Runnable abort;
    private Duration timeout;
    private volatile long deadline;
    private volatile boolean expired;

    WriteTimeoutOutputStream(OutputStream out, WriteWatchdog watchdog, Runnable abort, Duration timeout) {
        super(out);
        this.watchdog = watchdog;
        this.abort = abort;
        this.timeout = timeout;
    }

    void timeout(Duration value) {
        timeout = value;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        deadline = System.nanoTime() + timeout.toNanos();
        watchdog.started(this);
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            if (expired) {
                throw new SocketTimeoutException("no progress writing to it for " + RelayReplies.format(timeout));
            }
            throw e;
        } finally {
            watchdog.finished(this);
        }
    }

    /** Called by the watchdog while a write is in progress. */
    void expireIfLate(long now) {
        if (now - deadline > 0 && !expired) {
            expired = true;
            abort.run();
        }
    }
}
