package com.postwarden.scan;

import com.postwarden.scan.internal.heuristic.Heuristics;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How each heuristic detection counts: {@link Level#OFF off}, {@link Level#SUSPICIOUS suspicious} (reported as
 * {@link Verdict.Suspicious}, the scan goes on) or {@link Level#MALICIOUS malicious} (reported as
 * {@link Verdict.Infected} under the detection name, the scan stops as for a signature). Detection names are
 * dotted, ClamAV style, and start with {@code Heuristic.} ({@code Heuristic.Name.Bidi}); {@link #knownNames()}
 * lists them and docs/heuristics.md describes each with its default.
 *
 * <p>Defaults: malicious for the detections that have no innocent use ({@code Heuristic.Name.DoubleExtension},
 * which only fires when the real extension is executable, {@code Heuristic.Name.Bidi},
 * {@code Heuristic.HTML.Smuggling}, {@code Heuristic.Archive.EncryptedExecutable}, {@code Heuristic.PDF.Launch}),
 * suspicious for every other. Immutable; {@link #with} returns a changed copy.
 */
public final class HeuristicSettings {

    /** How one detection counts. */
    public enum Level {
        OFF, SUSPICIOUS, MALICIOUS;

        /** The level named {@code text} ({@code off}, {@code suspicious}, {@code malicious}; any case). */
        public static Level of(String text) {
            Objects.requireNonNull(text, "text");
            for (Level level : values()) {
                if (level.name().equalsIgnoreCase(text.strip())) {
                    return level;
                }
            }
            throw new IllegalArgumentException("heuristic level must be off, suspicious or malicious, was '" + text
                    + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final HeuristicSettings DEFAULTS = new HeuristicSettings(Heuristics.defaultLevels());

    private final Map<String, Level> levels;

    private HeuristicSettings(Map<String, Level> levels) {
        this.levels = Collections.unmodifiableMap(new TreeMap<>(levels));
    }

    /** Every detection at its documented default level. */
    public static HeuristicSettings defaults() {
        return DEFAULTS;
    }

    /** Every detection off: scans cost what they cost without heuristics. */
    public static HeuristicSettings allOff() {
        HeuristicSettings settings = DEFAULTS;
        for (String name : knownNames()) {
            settings = settings.with(name, Level.OFF);
        }
        return settings;
    }

    /** The names of every detection there is, sorted. */
    public static Set<String> knownNames() {
        return DEFAULTS.levels.keySet();
    }

    /**
     * These settings with detection {@code name} at {@code level}.
     *
     * @throws IllegalArgumentException when no detection has that name; the message lists the known names
     */
    public HeuristicSettings with(String name, Level level) {
        requireKnown(name);
        Objects.requireNonNull(level, "level");
        Map<String, Level> changed = new TreeMap<>(levels);
        changed.put(name, level);
        return new HeuristicSettings(changed);
    }

    /**
     * The level of detection {@code name}.
     *
     * @throws IllegalArgumentException when no detection has that name
     */
    public Level level(String name) {
        requireKnown(name);
        return levels.get(name);
    }

    /** Every detection with its level, sorted by name. */
    public Map<String, Level> levels() {
        return levels;
    }

    /** Whether every detection is off. */
    public boolean allDetectionsOff() {
        return levels.values().stream().allMatch(level -> level == Level.OFF);
    }

    private void requireKnown(String name) {
        Objects.requireNonNull(name, "name");
        if (!levels.containsKey(name)) {
            throw new IllegalArgumentException("unknown heuristic '" + name + "'; known heuristics: "
                    + String.join(", ", levels.keySet()));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeuristicSettings settings && levels.equals(settings.levels);
    }

    @Override
    public int hashCode() {
        return levels.hashCode();
    }

    @Override
    public String toString() {
        return "HeuristicSettings" + levels;
    }
}
