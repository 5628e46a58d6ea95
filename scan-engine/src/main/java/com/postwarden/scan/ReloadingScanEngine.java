package com.postwarden.scan;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current engine for a signature directory that may change while the gateway runs (an update, an admin
 * copying files). A background thread checks the directory every interval; when its files changed it loads
 * them beside the running database and swaps the engine atomically, so scanning never pauses. A load that
 * fails keeps the running database. Thread-safe.
 */
public final class ReloadingScanEngine implements Supplier<ScanEngine>, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadingScanEngine.class);

    private final Path directory;
    private final Function<SignatureDatabase, ScanEngine> build;
    private final AtomicReference<ScanEngine> current = new AtomicReference<>();
    private final ScheduledExecutorService scheduler;

    private ReloadingScanEngine(Path directory, Function<SignatureDatabase, ScanEngine> build, ScanEngine first,
                                ScheduledExecutorService scheduler) {
        this.directory = directory;
        this.build = build;
        this.scheduler = scheduler;
        current.set(first);
    }

    /**
     * Loads the directory now (failing if it cannot be read) and then checks it for changes every
     * {@code interval}; {@code build} turns each loaded database into an engine.
     */
    public static ReloadingScanEngine open(Path directory, Duration interval,
                                           Function<SignatureDatabase, ScanEngine> build) throws IOException {
        Objects.requireNonNull(build, "build");
        ScanEngine first = build.apply(SignatureDatabase.load(directory));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "signature-reload");
            thread.setDaemon(true);
            return thread;
        });
        ReloadingScanEngine engine = new ReloadingScanEngine(directory, build, first, scheduler);
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(engine::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        return engine;
    }

    @Override
    public ScanEngine get() {
        return current.get();
    }

    /**
     * Loads the directory if its files changed since the running database was loaded; returns whether a new
     * engine took over. Never throws: a failed load is logged and the running database stays.
     */
    public synchronized boolean reloadIfChanged() {
        SignatureDatabase running = current.get().database();
        try {
            if (SignatureDatabase.fingerprint(directory).equals(running.info().fingerprint())) {
                return false;
            }
            SignatureDatabase fresh = SignatureDatabase.load(directory, running);
            current.set(build.apply(fresh));
            LOG.info("signature database reloaded from {}: version {}, {} signatures in {} ms", directory,
                    fresh.info().version(), fresh.info().loadedTotal(), fresh.info().loadTime().toMillis());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("signature database reload from {} failed, the running database stays: {}", directory,
                    e.toString());
            return false;
        }
    }

    public Path directory() {
        return directory;
    }

    /** Stops watching; the current engine stays usable by scans in progress. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
