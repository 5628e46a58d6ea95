package com.postwarden.server;

import com.postwarden.cli.EngineLimits;
import com.postwarden.cli.SignatureDirectory;
import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.policies.config.ScanSettings;
import com.postwarden.scan.ReloadingScanEngine;
import com.postwarden.scan.ScanEngine;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scan engine of a running gateway: built from the {@code scan} settings, its signature directory watched
 * for updates. A configuration reload that changes those settings builds a new engine; the previous one stays
 * usable by messages still being scanned with it. Thread-safe.
 */
final class Scanning implements AutoCloseable {
    private ScanSettings settings;
    private Path temporaryDirectory;
    /** Read for every message without a lock; replaced under the lock by {@link #reconfigure}. */
    private volatile ReloadingScanEngine engine;

    private Scanning(ScanSettings settings, Path temporaryDirectory, ReloadingScanEngine engine) {
        this.settings = settings;
        this.temporaryDirectory = temporaryDirectory;
        this.engine = engine;
    }

    /**
     * Loads the signature database named by the configuration and removes spool files a crash left behind;
     * empty when scanning is switched off.
     */
    static Optional<Scanning> open(GatewayConfig config) throws IOException {
        if (!config.scan().enabled()) {
            return Optional.empty();
        }
        Scanning scanning = new Scanning(config.scan(), config.scanTempDir(), engineFor(config));
        removeLeftovers(config.scanTempDir());
        return Optional.of(scanning);
    }

    private static void removeLeftovers(Path temporary) throws IOException {
        if (!Files.isDirectory(temporary)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(temporary, "scan-*.tmp")) {
            for (Path file : leftovers) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static ReloadingScanEngine engineFor(GatewayConfig config) throws IOException {
        ScanSettings scan = config.scan();
        Path temporary = config.scanTempDir();
        return ReloadingScanEngine.open(SignatureDirectory.of(scan), scan.reloadInterval(),
                database -> ScanEngine.builder(database)
                        .limits(EngineLimits.of(scan))
                        .temporaryDirectory(temporary)
                        .verdictCache(scan.cacheEntries(), scan.cacheExpiry())
                        .build());
    }

    /** The engine for the next message. */
    Supplier<ScanEngine> engine() {
        return () -> engine.get();
    }

    /** Rebuilds the engine when the new configuration changes the scan settings; keeps it otherwise. */
    synchronized void reconfigure(GatewayConfig next) throws IOException {
        if (Objects.equals(settings, next.scan()) && Objects.equals(temporaryDirectory, next.scanTempDir())) {
            engine.reloadIfChanged();
            return;
        }
        ReloadingScanEngine fresh = engineFor(next);
        ReloadingScanEngine old = engine;
        engine = fresh;
        settings = next.scan();
        temporaryDirectory = next.scanTempDir();
        old.close();
    }

    @Override
    public synchronized void close() {
        engine.close();
    }
}
