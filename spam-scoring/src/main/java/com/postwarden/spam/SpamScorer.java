package com.postwarden.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Adds up the symbols of every check. Thread-safe when its checks are. */
public final class SpamScorer {
    private final List<SpamCheck> checks;
    private final double required;

    public SpamScorer(List<SpamCheck> checks, double required) {
        this.checks = List.copyOf(checks);
        this.required = required;
    }

    public SpamResult score(SpamMessage message) {
        return score(message, List.of());
    }

    /** Scores {@code message}, counting {@code found} (symbols a check outside this scorer reported) first. */
    public SpamResult score(SpamMessage message, List<Symbol> found) {
        Objects.requireNonNull(message, "message");
        List<Symbol> symbols = new ArrayList<>(found);
        double score = found.stream().mapToDouble(Symbol::score).sum();
        for (SpamCheck check : checks) {
            for (Symbol symbol : check.check(message)) {
                symbols.add(symbol);
                score += symbol.score();
            }
        }
        return new SpamResult(score, required, symbols);
    }
}
