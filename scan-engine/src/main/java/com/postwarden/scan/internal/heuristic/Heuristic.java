package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.HeuristicSettings;
import java.util.List;
import java.util.Set;

/**
 * A family of named detections over single objects, such as {@code Heuristic.Macro.AutoOpen}. Implementations are
 * stateless and thread-safe, read a bounded part of the object (never proportional to a size field of the input),
 * and never throw on malformed input: what cannot be parsed is simply not detected. Register an implementation in
 * {@link Heuristics#standard()}.
 */
public interface Heuristic {

    /** Every detection name this heuristic can report, for settings and documentation. */
    Set<String> names();

    /** The detections found in {@code object}, in a stable order; empty when none. */
    List<String> examine(ScannedObject object);

    /** The level detection {@code name} (one of {@link #names()}) has unless configured otherwise. */
    default HeuristicSettings.Level defaultLevel(String name) {
        return HeuristicSettings.Level.SUSPICIOUS;
    }
}
