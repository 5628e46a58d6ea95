package com.postwarden.cli;

import com.postwarden.policies.config.HeuristicLevel;
import com.postwarden.policies.config.ScanSettings;
import com.postwarden.scan.HeuristicSettings;
import java.util.Map;

/** The engine's heuristic levels from the {@code scan.heuristics} configuration, over the engine's defaults. */
public final class EngineHeuristics {
    private EngineHeuristics() {
    }

    /**
     * @throws IllegalArgumentException naming the key {@code scan.heuristics.NAME} when the engine knows no such
     *     detection, with the names it knows
     */
    public static HeuristicSettings of(ScanSettings settings) {
        HeuristicSettings heuristics = HeuristicSettings.defaults();
        for (Map.Entry<String, HeuristicLevel> entry : settings.heuristics().entrySet()) {
            try {
                heuristics = heuristics.with(entry.getKey(), HeuristicSettings.Level.valueOf(entry.getValue().name()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scan.heuristics." + entry.getKey() + ": " + e.getMessage(), e);
            }
        }
        return heuristics;
    }
}
