package com.postwarden.server;

import com.postwarden.cli.EngineHeuristics;
import com.postwarden.cli.EngineLimits;
import com.postwarden.cli.SignatureDirectory;
import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.policies.config.ScanSettings;
import com.postwarden.scan.HeuristicSettings;
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
    private ExternalEngines external;
    /** Read for every message without a lock; replaced under the lock by {@link #reconfigure}. */
    private volatile ReloadingScanEngine engine;

    private Scanning(ScanSettings settings, Path temporaryDirectory, ExternalEngines external,
                     ReloadingScanEngine engine) {
        this.settings = settings;
        this.temporaryDirectory = temporaryDirectory;
        this.external = external;
        this.engine = engine;
    }

    /**
     * Loads the signature database named by the configuration, connects nothing yet to the external engines
     * (their clients connect per scan) and removes spool files a crash left behind; empty when scanning is
     * switched off.
     *
     * @throws IllegalArgumentException when {@code scan.heuristics} names a detection the engine does not know
     */
    static Optional<Scanning> open(GatewayConfig config) throws IOException {
        if (!config.scan().enabled()) {
            return Optional.empty();
        }
        HeuristicSettings heuristics = EngineHeuristics.of(config.scan());
        ExternalEngines external = ExternalEngines.open(config.scan().external());
        Scanning scanning;
        try {
            scanning = new Scanning(config.scan(), config.scanTempDir(), external,
                    engineFor(config, heuristics, external));
        } catch (IOException e) {
            external.close();
            throw new IOException("cannot load the signature database: " + e, e);
        } catch (RuntimeException e) {
            external.close();
            throw e;
        }
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

    private static ReloadingScanEngine engineFor(GatewayConfig config, HeuristicSettings heuristics,
                                                 ExternalEngines external) throws IOException {
        ScanSettings scan = config.scan();
        Path temporary = config.scanTempDir();
        return ReloadingScanEngine.open(SignatureDirectory.of(scan), scan.reloadInterval(),
                database -> ScanEngine.builder(database)
                        .limits(EngineLimits.of(scan))
                        .temporaryDirectory(temporary)
                        .verdictCache(scan.cacheEntries(), scan.cacheExpiry())
                        .heuristics(heuristics)
                        .externalEngines(external.engines())
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
        HeuristicSettings heuristics = EngineHeuristics.of(next.scan());
        boolean sameEngines = external.sameAs(next.scan().external());
        ExternalEngines engines = sameEngines ? external : ExternalEngines.open(next.scan().external());
        ReloadingScanEngine fresh;
        try {
            fresh = engineFor(next, heuristics, engines);
        } catch (IOException | RuntimeException e) {
            if (!sameEngines) {
                engines.close();
            }
            throw e;
        }
        ReloadingScanEngine old = engine;
        engine = fresh;
        settings = next.scan();
        temporaryDirectory = next.scanTempDir();
        old.close();
        if (!sameEngines) {
            // a message still scanned by the old clients gets Failed: 451 for a required engine, nothing lost
            external.close();
            external = engines;
        }
    }

    @Override
    public synchronized void close() {
        engine.close();
        external.close();
    }
}
