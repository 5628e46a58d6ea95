package com.postwarden.smtp.relay;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One periodic check for all socket writes of a relay client: a write in progress for longer than its timeout
 * aborts its connection. Cheaper than a timer task per write, which costs a schedule, a cancel and often a wake-up
 * of the timer thread for every flush. A write is found late by at most one period.
 */
final class WriteWatchdog {
    private static final Duration LONGEST_PERIOD = Duration.ofSeconds(1);
    private static final Duration SHORTEST_PERIOD = Duration.ofMillis(10);

    private final Set<WriteTimeoutOutputStream> writing = ConcurrentHashMap.newKeySet();

    /** Checks every quarter of {@code shortestTimeout}, between 10 ms and 1 s, on {@code timer}. */
    WriteWatchdog(ScheduledExecutorService timer, Duration shortestTimeout) {
        long period = clamp(shortestTimeout.dividedBy(4)).toMillis();
        try {
            timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the client is closing; its writes are then unguarded
        }
    }

    private static Duration clamp(Duration period) {
        if (period.compareTo(SHORTEST_PERIOD) < 0) {
            return SHORTEST_PERIOD;
        }
        return period.compareTo(LONGEST_PERIOD) > 0 ? LONGEST_PERIOD : period;
    }

    void started(WriteTimeoutOutputStream stream) {
        writing.add(stream);
    }

    void finished(WriteTimeoutOutputStream stream) {
        writing.remove(stream);
    }

    private void check() {
        long now = System.nanoTime();
        for (WriteTimeoutOutputStream stream : writing) {
            stream.expireIfLate(now);
        }
    }
}
