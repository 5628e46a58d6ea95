package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.heuristic.office.OfficeHeuristics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The heuristics the engine ships with, and the detections the engine raises itself from what it sees while
 * unpacking ({@link ArchiveEvents}). A new family of detections is one more element of {@link #standard()}.
 */
public final class Heuristics {
    private static final List<Heuristic> STANDARD = Stream.concat(Stream.of(
            new ExecutableContent(),
            new NestedExecutable(),
            new NameTricks(),
            new TypeMismatch(),
            new PdfActions(),
            new HtmlTricks()), OfficeHeuristics.all().stream()).toList();

    private Heuristics() {
    }

    /** Every heuristic over single objects, in the order they run. */
    public static List<Heuristic> standard() {
        return STANDARD;
    }

    /** Every detection name, of {@link #standard()} and {@link ArchiveEvents}, with its default level. */
    public static Map<String, Level> defaultLevels() {
        Map<String, Level> levels = new TreeMap<>();
        for (Heuristic heuristic : standard()) {
            for (String name : heuristic.names()) {
                Level previous = levels.put(name, heuristic.defaultLevel(name));
                if (previous != null) {
                    throw new IllegalStateException("two heuristics report " + name);
                }
            }
        }
        levels.putAll(ArchiveEvents.defaultLevels());
        return levels;
    }
}
