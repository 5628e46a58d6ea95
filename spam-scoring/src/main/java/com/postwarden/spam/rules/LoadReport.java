package com.postwarden.spam.rules;

import java.util.List;
import java.util.Map;

/**
 * What loading a rule set found: how many rules it compiled, how many lines it skipped because an {@code if} or
 * {@code ifplugin} condition was false, and the lines it could not honour, counted by reason (not fatal: the
 * rest of the rules work).
 *
 * @param rules              rules compiled (tests and metas), whether scored or not
 * @param skippedByCondition lines inside a false {@code if}/{@code ifplugin} block
 * @param unsupported        unsupported lines by reason, e.g. {@code "eval function not built in" -> 212}
 * @param problems           the first {@link #MAX_PROBLEMS} unsupported lines, with where they are
 */
public record LoadReport(int rules, int skippedByCondition, Map<String, Integer> unsupported,
                         List<Problem> problems) {
    public static final int MAX_PROBLEMS = 2_000;

    public LoadReport {
        unsupported = Map.copyOf(unsupported);
        problems = List.copyOf(problems);
    }

    /** One line that was not honoured. */
    public record Problem(String source, int line, String reason, String detail) {
    }

    public int unsupportedTotal() {
        return unsupported.values().stream().mapToInt(Integer::intValue).sum();
    }
}
