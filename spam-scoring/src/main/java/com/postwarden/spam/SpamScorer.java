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
        Objects.requireNonNull(message, "message");
        List<Symbol> symbols = new ArrayList<>();
        double score = 0;
        for (SpamCheck check : checks) {
            for (Symbol symbol : check.check(message)) {
                symbols.add(symbol);
                score += symbol.score();
            }
        }
        return new SpamResult(score, required, symbols);
    }
}
