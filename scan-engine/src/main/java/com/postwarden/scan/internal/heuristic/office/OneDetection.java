package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.heuristic.Heuristic;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A heuristic with a single detection: it reports its name when {@link #foundIn} says so. */
abstract class OneDetection implements Heuristic {
    private final String name;
    private final Level defaultLevel;

    OneDetection(String name, Level defaultLevel) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
    }

    /** Whether the detection applies to {@code object}; never throws on malformed input. */
    abstract boolean foundIn(ScannedObject object);

    @Override
    public final Set<String> names() {
        return Set.of(name);
    }

    @Override
    public final Level defaultLevel(String detection) {
        return defaultLevel;
    }

    @Override
    public final List<String> examine(ScannedObject object) {
        return foundIn(object) ? List.of(name) : List.of();
    }
}
