package com.postwarden.spam;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of scoring one message.
 *
 * @param score    the sum of the symbols' scores
 * @param required the score from which a message is spam
 * @param symbols  every symbol that contributed, in the order the checks reported them
 */
public record SpamResult(double score, double required, List<Symbol> symbols) {
    public SpamResult {
        symbols = List.copyOf(symbols);
    }

    public boolean isSpam() {
        return score >= required;
    }
}
