package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.internal.heuristic.Heuristic;
import java.util.List;

/** The Office document heuristics, for registering with the engine in one line. */
public final class OfficeHeuristics {
    private OfficeHeuristics() {
    }

    /** One instance of each; all are stateless and may be shared between threads. */
    public static List<Heuristic> all() {
        return List.of(new MacroHeuristic(), new XlmHeuristic(), new RemoteTemplateHeuristic(),
                new DdeHeuristic(), new EmbeddedExecutableHeuristic());
    }
}
