package com.postwarden.spam.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Robinson–Fisher classification: each known token gets Robinson's f(w) from its spam and ham counts relative to
 * the totals; tokens with |f(w) − 0.5| of at least {@code minStrength} are clues; the {@code maxClues} strongest
 * are combined with {@link ChiSquare#combine chi-square}. Thread-safe; one store lookup per message.
 */
public final class BayesClassifier {
    private final TokenStore store;
    private final ClassifierSettings settings;

    public BayesClassifier(TokenStore store, ClassifierSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Classifies a message given its tokens. */
    public Classification classify(Set<String> tokens) {
        return classify(store.lookup(tokens));
    }

    /** Classifies from counts already looked up. */
    public Classification classify(TokenLookup lookup) {
        CorpusTotals totals = lookup.totals();
        if (totals.spamMessages() == 0 || totals.hamMessages() == 0) {
            return new Classification(0.5, List.of());
        }
        List<Clue> clues = new ArrayList<>();
        for (Map.Entry<String, TokenCounts> e : lookup.counts().entrySet()) {
            double f = probability(e.getValue(), totals);
            if (Math.abs(f - 0.5) >= settings.minStrength()) {
                clues.add(new Clue(e.getKey(), f));
            }
        }
        clues.sort(Comparator.comparingDouble((Clue c) -> -Math.abs(c.probability() - 0.5))
                .thenComparing(Clue::token));
        if (clues.size() > settings.maxClues()) {
            clues = clues.subList(0, settings.maxClues());
        }
        double[] f = new double[clues.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = clues.get(i).probability();
        }
        return new Classification(ChiSquare.combine(f, f.length), clues);
    }

    /**
     * Robinson's f(w) = (s·x + n·p(w)) / (s + n) with p(w) = (b/nb) / (b/nb + g/ng), b and g the token's spam and
     * ham counts, nb and ng the totals, n = b + g. Kept strictly inside (0, 1).
     */
    double probability(TokenCounts counts, CorpusTotals totals) {
        double spamRatio = Math.min(1.0, (double) counts.spam() / totals.spamMessages());
        double hamRatio = Math.min(1.0, (double) counts.ham() / totals.hamMessages());
        double n = counts.spam() + counts.ham();
        double p = spamRatio + hamRatio == 0 ? settings.prior() : spamRatio / (spamRatio + hamRatio);
        double f = (settings.strength() * settings.prior() + n * p) / (settings.strength() + n);
        return Math.min(1 - 1e-9, Math.max(1e-9, f));
    }
}
