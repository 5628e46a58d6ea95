package com.postwarden.smtp.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Idle sessions to one next hop, most recently used first, at most {@code capacity} of them. A session idle for
 * {@code idleTimeout} (by the injected clock) is never handed out again; a sweep on the timer, scheduled only
 * while sessions are idle, ends them with QUIT. Thread-safe; sessions are ended outside the lock.
 */
final class ConnectionPool {
    private record Idle(SmtpConnection connection, Instant since) {
    }

    private final int capacity;
    private final Duration idleTimeout;
    private final Duration quitTimeout;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private ScheduledFuture<?> sweep;
    private boolean closed;

    ConnectionPool(int capacity, Duration idleTimeout, Duration quitTimeout, Clock clock,
                   ScheduledExecutorService timer) {
        this.capacity = capacity;
        this.idleTimeout = idleTimeout;
        this.quitTimeout = quitTimeout;
        this.clock = clock;
        this.timer = timer;
    }

    /** The most recently used idle session that has not timed out, if any. */
    Optional<SmtpConnection> borrow() {
        Idle found;
        List<Idle> expired = new ArrayList<>();
        synchronized (this) {
            found = idle.pollFirst();
            if (found != null && isExpired(found, clock.instant())) {
                expired.add(found); // the others have been idle longer still
                expired.addAll(idle);
                idle.clear();
                found = null;
            }
        }
        quit(expired);
        return Optional.ofNullable(found).map(Idle::connection);
    }

    /** Keeps a session that is clean for the next transaction, or ends it when the pool is full or closed. */
    void release(SmtpConnection connection) {
        boolean kept;
        synchronized (this) {
            kept = !closed && idle.size() < capacity;
            if (kept) {
                idle.addFirst(new Idle(connection, clock.instant()));
                scheduleSweep(idleTimeout);
            }
        }
        if (!kept) {
            connection.quit(quitTimeout);
        }
    }

    /**
     * Drops every idle session without QUIT: after the most recently used one turned out to be closed by the next
     * hop, the older ones likely are too, and waiting for their replies would only delay the sender.
     */
    void clear() {
        takeAll().forEach(entry -> entry.connection().abort());
    }

    /** Ends every idle session with QUIT; sessions released later are ended at once. */
    void close() {
        synchronized (this) {
            closed = true;
            if (sweep != null) {
                sweep.cancel(false);
                sweep = null;
            }
        }
        quit(takeAll());
    }

    private synchronized List<Idle> takeAll() {
        List<Idle> all = new ArrayList<>(idle);
        idle.clear();
        return all;
    }

    synchronized int idleCount() {
        return idle.size();
    }

    private void sweep() {
        List<Idle> expired = new ArrayList<>();
        synchronized (this) {
            sweep = null;
            Instant now = clock.instant();
            while (!idle.isEmpty() && isExpired(idle.peekLast(), now)) {
                expired.add(idle.pollLast());
            }
            if (!idle.isEmpty()) {
                scheduleSweep(Duration.between(now, idle.peekLast().since().plus(idleTimeout)));
            }
        }
        quit(expired);
    }

    private void scheduleSweep(Duration delay) {
        if (sweep != null || closed) {
            return;
        }
        try {
            sweep = timer.schedule(this::sweep, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the client is closing; close() ends the idle sessions
        }
    }

    private boolean isExpired(Idle entry, Instant now) {
        return !now.isBefore(entry.since().plus(idleTimeout));
    }

    private void quit(List<Idle> entries) {
        entries.forEach(entry -> entry.connection().quit(quitTimeout));
    }
}
