package com.postwarden.scan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The non-clean verdicts noted during a scan or part of it: first-noted order, no duplicates, at most a fixed
 * number, with the worst of everything noted kept beside them (also past the cap). Confined to one thread.
 */
final class Findings {
    private final int max;
    private final Set<Verdict> noted = new LinkedHashSet<>();
    private Verdict worst = Verdict.clean();

    Findings(int max) {
        this.max = max;
    }

    void add(Verdict verdict) {
        if (verdict instanceof Verdict.Clean) {
            return;
        }
        worst = Verdict.worse(worst, verdict);
        if (noted.size() < max) {
            noted.add(verdict);
        }
    }

    Verdict worst() {
        return worst;
    }

    /** The findings in order; when the cap cut the worst one off, it takes the last place. */
    List<Verdict> list() {
        List<Verdict> list = new ArrayList<>(noted);
        if (!(worst instanceof Verdict.Clean) && !noted.contains(worst)) {
            if (list.size() >= max) {
                list.remove(list.size() - 1);
            }
            list.add(worst);
        }
        return List.copyOf(list);
    }
}
