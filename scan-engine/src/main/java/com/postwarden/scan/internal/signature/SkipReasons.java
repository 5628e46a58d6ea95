package com.postwarden.scan.internal.signature;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * Counts signatures left out while loading, by a named reason such as {@code "ndb: malformed hex signature"}.
 * Reasons are short fixed texts (no line numbers), so one bad feature in a million lines is one entry with a
 * count, logged once. Not thread-safe: one instance per load.
 */
public final class SkipReasons {
    private final Map<String, Long> counts = new TreeMap<>();

    public void add(String reason) {
        add(reason, 1);
    }

    public void add(String reason, long count) {
        if (count > 0) {
            counts.merge(reason, count, Long::sum);
        }
    }

    public void addAll(Map<String, Long> other) {
        other.forEach(this::add);
    }

    /** An immutable copy, sorted by reason. */
    public Map<String, Long> snapshot() {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** One WARN line per reason. */
    public void log(Logger log, String directory) {
        counts.forEach((reason, count) ->
                log.warn("Signature database {}: skipped {} signature(s): {}", directory, count, reason));
    }
}
