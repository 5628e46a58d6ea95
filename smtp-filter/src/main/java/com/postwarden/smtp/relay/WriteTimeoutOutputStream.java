package com.postwarden.smtp.relay;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds each write to a socket: a socket write has no timeout of its own and blocks for ever when the peer stops
 * reading. Each write arms a timer that aborts the connection when the write has not completed in time; the caller
 * writes in bounded chunks (a buffered stream), so this is a limit on the time without progress.
 * Not thread-safe; the timeout is set by the single thread using the connection.
 */
final class WriteTimeoutOutputStream extends FilterOutputStream {
    private final ScheduledExecutorService timer;
    private final Runnable abort;
    private Duration timeout;
    private volatile boolean expired;

    WriteTimeoutOutputStream(OutputStream out, ScheduledExecutorService timer, Runnable abort, Duration timeout) {
        super(out);
        this.timer = timer;
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
        ScheduledFuture<?> alarm = arm();
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            if (expired) {
                throw new SocketTimeoutException("no progress writing to it for " + RelayReplies.format(timeout));
            }
            throw e;
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    private ScheduledFuture<?> arm() {
        try {
            return timer.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            return null; // the client is closing; the write is then simply unguarded
        }
    }

    private void expire() {
        expired = true;
        abort.run();
    }
}
