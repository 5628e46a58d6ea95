package com.postwarden.spam.bayes;

import com.postwarden.spam.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The symbols of the classifier's probability, as SpamAssassin names them: one of {@code BAYES_00} (below 1 %)
 * … {@code BAYES_99} (99 % and above), and {@code BAYES_999} in addition to {@code BAYES_99} from 99.9 %.
 *
 * @param scores the score of each symbol, by name; every name in {@link #NAMES} must be present
 */
public record BayesScores(Map<String, Double> scores) {
    /** The symbol names, lowest probability first. */
    public static final List<String> NAMES = List.of("BAYES_00", "BAYES_05", "BAYES_20", "BAYES_40", "BAYES_50",
            "BAYES_60", "BAYES_80", "BAYES_95", "BAYES_99", "BAYES_999");
    /** The lower bound of each of the first nine symbols' probability ranges. */
    private static final double[] LOWER = {0, 0.01, 0.05, 0.20, 0.40, 0.60, 0.80, 0.95, 0.99};
    private static final double VERY_SURE = 0.999;

    /**
     * Chosen by 5-fold cross-validation on the training corpus only: the smoothed log-likelihood ratio of each
     * symbol's out-of-fold spam and ham shares, made monotonic and scaled so that BAYES_99 alone reaches 5.0
     * (the method is {@code BayesCrossValidation.suggestScores} in the tests). Alone at 5.0 they flagged 1 of
     * 2,625 ham and 83 % of 500 spam out of fold.
     */
    public static final BayesScores DEFAULTS = of(-3.4, -0.3, -0.3, -0.3, 1.8, 3.3, 3.6, 3.6, 5.0, 0.2);

    public BayesScores {
        scores = Map.copyOf(scores);
        for (String name : NAMES) {
            Double s = scores.get(name);
            if (s == null || !Double.isFinite(s)) {
                throw new IllegalArgumentException("BayesScores: missing or non-finite score for " + name);
            }
        }
        if (scores.size() != NAMES.size()) {
            throw new IllegalArgumentException("BayesScores: unknown symbol among " + scores.keySet());
        }
    }

    /** Scores in the order of {@link #NAMES}. */
    public static BayesScores of(double... inOrder) {
        if (inOrder.length != NAMES.size()) {
            throw new IllegalArgumentException("BayesScores: need " + NAMES.size() + " scores, got " + inOrder.length);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < inOrder.length; i++) {
            m.put(NAMES.get(i), inOrder[i]);
        }
        return new BayesScores(m);
    }

    /** The symbols for {@code probability}: one range symbol, and {@code BAYES_999} beside {@code BAYES_99}. */
    public List<Symbol> symbols(double probability) {
        int bucket = bucket(probability);
        List<Symbol> out = new ArrayList<>(2);
        out.add(symbol(NAMES.get(bucket), probability));
        if (probability >= VERY_SURE) {
            out.add(symbol("BAYES_999", probability));
        }
        return out;
    }

    /** The index in {@link #NAMES} of the range symbol for {@code probability}. */
    static int bucket(double probability) {
        int b = 0;
        for (int i = 1; i < LOWER.length; i++) {
            if (probability >= LOWER[i]) {
                b = i;
            }
        }
        return b;
    }

    private Symbol symbol(String name, double probability) {
        return new Symbol(name, scores.get(name),
                String.format(Locale.ROOT, "Bayes spam probability is %.1f%%", probability * 100));
    }
}
