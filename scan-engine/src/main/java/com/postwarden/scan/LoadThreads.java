package com.postwarden.scan;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Short-lived daemon threads that read the files of one database load side by side: one per processor, at most
 * {@link #MAX_THREADS}, none on a single processor (the caller reads then). Closed when the load is done.
 */
final class LoadThreads implements AutoCloseable {
    /** A database has a few big files (main, daily, a local hash list); more threads would only wait. */
    static final int MAX_THREADS = 4;

    private final ExecutorService pool;

    private LoadThreads(ExecutorService pool) {
        this.pool = pool;
    }

    static LoadThreads start() {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        if (threads < 2) {
            return new LoadThreads(null);
        }
        AtomicInteger number = new AtomicInteger();
        return new LoadThreads(Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "signature-load-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    Executor executor() {
        return pool == null ? Runnable::run : pool;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
