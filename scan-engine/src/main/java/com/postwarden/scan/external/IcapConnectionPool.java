package com.postwarden.scan.external;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Persistent connections to one ICAP server, at most {@code limit} in use at once: the configured number,
 * lowered to the server's {@code Max-Connections}. Idle connections are reused most-recent first, after a
 * check that the server has not closed them; those idle too long are closed.
 */
final class IcapConnectionPool {

    private final IcapSettings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Deque<IcapConnection> idle = new ArrayDeque<>();
    private int limit;
    private int active;
    private boolean closed;

    IcapConnectionPool(IcapSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.limit = settings.maxConnections();
    }

    /** Applies the server's {@code Max-Connections}, never raising the configured limit. */
    void serverLimit(int serverMax) {
        lock.lock();
        try {
            limit = Math.max(1, Math.min(settings.maxConnections(), serverMax));
        } finally {
            lock.unlock();
        }
    }

    /**
     * A connection, waiting at most the connect timeout for a free slot.
     *
     * @param allowReuse {@code false} to get a new connection even if idle ones exist
     */
    IcapConnection acquire(boolean allowReuse) throws IOException {
        IcapConnection reusable = null;
        lock.lock();
        try {
            long waitNanos = settings.connectTimeout().toNanos();
            while (active >= limit && !closed) {
                if (waitNanos <= 0) {
                    throw new SocketTimeoutException("all " + limit + " connections busy for " + settings.connectTimeout());
                }
                waitNanos = released.awaitNanos(waitNanos);
            }
            if (closed) {
                throw new IOException("scanner closed");
            }
            active++;
            while (allowReuse && reusable == null && !idle.isEmpty()) {
                IcapConnection candidate = idle.pollFirst();
                boolean fresh = clock.instant().isBefore(candidate.idleSince.plus(settings.idleTimeout()));
                if (fresh && candidate.quiet()) {
                    reusable = candidate.reuse();
                } else {
                    candidate.closeQuietly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for an ICAP connection");
        } finally {
            lock.unlock();
        }
        if (reusable != null) {
            return reusable;
        }
        try {
            return IcapConnection.fresh(TimedChannel.connect(settings.address(), settings.connectTimeout(),
                    settings.ioTimeout()));
        } catch (IOException | RuntimeException e) {
            release(null, false);
            throw e;
        }
    }

    /** Gives a connection back; it is kept for reuse only if {@code reusable}. */
    void release(IcapConnection connection, boolean reusable) {
        lock.lock();
        try {
            active--;
            if (connection != null) {
                if (reusable && !closed) {
                    connection.idleSince = clock.instant();
                    idle.addFirst(connection);
                } else {
                    connection.closeQuietly();
                }
            }
            released.signal();
        } finally {
            lock.unlock();
        }
    }

    int idleCount() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            idle.forEach(IcapConnection::closeQuietly);
            idle.clear();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
