package com.postwarden.scan;

import com.postwarden.scan.external.ExternalResult;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends an attachment to every external engine in turn, after the built-in engine found nothing in it. The first
 * detection ends the round (its name is prefixed by the engine's: {@code clamd:Win.Test.EICAR_HDB-1}); an engine
 * that does not scan the object is reported as an {@link EngineSkip}, never taken as clean. Thread-safe.
 */
final class ExternalScans {
    private static final ExternalScans NONE = new ExternalScans(List.of());

    private final List<ExternalEngine> engines;

    private ExternalScans(List<ExternalEngine> engines) {
        this.engines = List.copyOf(engines);
    }

    static ExternalScans of(List<ExternalEngine> engines) {
        return engines.isEmpty() ? NONE : new ExternalScans(engines);
    }

    boolean isEmpty() {
        return engines.isEmpty();
    }

    /**
     * Scans {@code content} with each engine; returns the detection or {@link Verdict#clean()}. {@code scanned}
     * counts each engine that received the object; {@code skipped} gets each engine that did not scan it.
     */
    Verdict scan(Content content, ContainerPath path, Runnable scanned, Consumer<EngineSkip> skipped) {
        for (ExternalEngine engine : engines) {
            ExternalResult result = scan(engine, content);
            if (result instanceof ExternalResult.Infected infected) {
                scanned.run();
                return new Verdict.Infected(engine.name() + ":" + infected.name(), path);
            }
            Optional<String> notScanned = whyNotScanned(result);
            if (notScanned.isPresent()) {
                skipped.accept(new EngineSkip(engine.name(), engine.required(), notScanned.get(), path));
            } else {
                scanned.run();
            }
        }
        return Verdict.clean();
    }

    /** Why the engine did not scan the object; empty when it did (clean). */
    private static Optional<String> whyNotScanned(ExternalResult result) {
        if (result instanceof ExternalResult.NotScanned notScanned) {
            return Optional.of(notScanned.reason());
        }
        if (result instanceof ExternalResult.Failed failed) {
            return Optional.of(failed.reason());
        }
        return Optional.empty();
    }

    private static ExternalResult scan(ExternalEngine engine, Content content) {
        try (InputStream in = content.newStream()) {
            return engine.scanner().scan(in, content.size());
        } catch (IOException e) {
            throw new UncheckedIOException("closing a stream over scanned content cannot fail", e);
        }
    }
}
