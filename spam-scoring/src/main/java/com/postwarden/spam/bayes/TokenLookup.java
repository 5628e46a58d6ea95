package com.postwarden.spam.bayes;

import java.util.Map;

/**
 * What one batch lookup returns: the totals and the counts of those asked-for tokens the store knows (unknown
 * tokens are absent), read together so that the classifier sees one consistent state per message.
 */
public record TokenLookup(CorpusTotals totals, Map<String, TokenCounts> counts) {
    public TokenLookup {
        java.util.Objects.requireNonNull(totals, "totals");
        counts = Map.copyOf(counts);
    }
}
