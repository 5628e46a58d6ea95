package com.postwarden.spam.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the rule files said, accumulated in file order: a later definition, score, description or flags of a
 * rule replaces an earlier one, as in SpamAssassin. Not thread-safe; used while loading only.
 */
final class RuleDefinitions {
    final Map<String, Rule> rules = new LinkedHashMap<>();
    final Map<String, Double> scores = new HashMap<>();
    final Map<String, String> descriptions = new HashMap<>();
    final Map<String, Set<String>> flags = new HashMap<>();
    final Map<String, Integer> maxHits = new HashMap<>();
    final Map<String, Integer> unsupported = new TreeMap<>();
    final List<LoadReport.Problem> problems = new java.util.ArrayList<>();
    int skippedByCondition;

    void unsupported(String source, int line, UnsupportedRuleException e) {
        unsupported.merge(e.reason(), 1, Integer::sum);
        if (problems.size() < LoadReport.MAX_PROBLEMS) {
            problems.add(new LoadReport.Problem(source, line, e.reason(), e.getMessage()));
        }
    }
}
