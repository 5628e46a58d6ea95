package com.postwarden.policies.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in scan engine.
 *
 * @param enabled        whether messages are scanned at all
 * @param database       the directory of ClamAV-format signature files; empty: the demo database shipped with
 *                       the distribution
 * @param reloadInterval how often the database directory is checked for changes
 * @param unscannable    what happens to a message that could not be scanned completely
 * @param limits         bounds on the work one message may cause
 * @param cacheEntries   attachment verdicts kept by SHA-256; 0 turns the cache off
 * @param cacheExpiry    how long a cached verdict is trusted
 * @param heuristics     levels set for heuristic detections by name; the others keep the engine's defaults
 * @param external       external engines consulted beside the built-in one, in this order
 */
public record ScanSettings(boolean enabled, Optional<Path> database, Duration reloadInterval,
                           UnscannableAction unscannable, ScanLimitSettings limits, long cacheEntries,
                           Duration cacheExpiry, Map<String, HeuristicLevel> heuristics,
                           List<ExternalEngineSettings> external) {
    public ScanSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        Objects.requireNonNull(unscannable, "unscannable");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(cacheExpiry, "cacheExpiry");
        heuristics = Collections.unmodifiableMap(new LinkedHashMap<>(heuristics));
        external = List.copyOf(external);
    }

    /** What to do with a message the engine could not scan completely (encrypted archive, a limit reached). */
    public enum UnscannableAction {
        /** Deliver it, marked unscannable in its headers and the log. */
        PASS,
        /** Answer 451 so the upstream keeps it and retries. */
        TEMPFAIL
    }
}
