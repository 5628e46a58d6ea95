package com.postwarden.server;

import com.postwarden.policies.config.ExternalEngineSettings;
import com.postwarden.scan.ExternalEngine;
import com.postwarden.scan.external.ClamdScanner;
import com.postwarden.scan.external.ClamdSettings;
import com.postwarden.scan.external.ExternalScanner;
import com.postwarden.scan.external.IcapScanner;
import com.postwarden.scan.external.IcapSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients of the external engines named in {@code scan.external}, open for the life of one configuration:
 * they hold connection pools, so a reload that keeps the same engines keeps them. Thread-safe.
 */
final class ExternalEngines implements AutoCloseable {
    private final List<ExternalEngineSettings> settings;
    private final List<ExternalEngine> engines;

    private ExternalEngines(List<ExternalEngineSettings> settings, List<ExternalEngine> engines) {
        this.settings = settings;
        this.engines = engines;
    }

    static ExternalEngines open(List<ExternalEngineSettings> settings) {
        List<ExternalEngine> engines = new ArrayList<>();
        for (ExternalEngineSettings engine : settings) {
            engines.add(new ExternalEngine(engine.name(), scanner(engine),
                    engine.mode() == ExternalEngineSettings.Mode.REQUIRED));
        }
        return new ExternalEngines(List.copyOf(settings), List.copyOf(engines));
    }

    private static ExternalScanner scanner(ExternalEngineSettings engine) {
        Duration timeout = engine.timeout();
        long maxSize = engine.maxSize().bytes();
        if (engine.type() == ExternalEngineSettings.Type.CLAMD) {
            ClamdSettings clamd = engine.socket().map(ClamdSettings::unix)
                    .orElseGet(() -> ClamdSettings.tcp(engine.tcp().orElseThrow().host(), engine.tcp().orElseThrow().port()));
            return new ClamdScanner(clamd.withTimeouts(timeout, timeout, timeout).withMaxSize(maxSize));
        }
        IcapSettings icap = IcapSettings.of(engine.url().orElseThrow().toString())
                .withLabel(engine.name())
                .withTimeouts(timeout, timeout, timeout)
                .withMaxSize(maxSize)
                .withMaxConnections(engine.connections());
        return new IcapScanner(icap);
    }

    boolean sameAs(List<ExternalEngineSettings> other) {
        return settings.equals(other);
    }

    List<ExternalEngine> engines() {
        return engines;
    }

    @Override
    public void close() {
        engines.forEach(engine -> engine.scanner().close());
    }
}
