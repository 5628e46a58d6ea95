package com.postwarden.spam.bayes;

/**
 * The constants of Robinson's token probability and of the clue selection.
 *
 * @param strength    Robinson's s: how much weight the prior {@code x} has against the evidence of a token seen
 *                    in n messages (f(w) = (s·x + n·p(w)) / (s + n))
 * @param prior       Robinson's x: the probability assumed for a token never seen
 * @param minStrength tokens with |f(w) − 0.5| below this are not clues
 * @param maxClues    at most this many clues (the strongest) are combined
 */
public record ClassifierSettings(double strength, double prior, double minStrength, int maxClues) {
    /**
     * SpamAssassin's constants; 5-fold cross-validation on the training corpus found no other setting of a grid
     * around them (s 0.1–1, x 0.5–0.538, min strength 0.1–0.4, 50–300 clues) better beyond its noise.
     */
    public static final ClassifierSettings DEFAULTS = new ClassifierSettings(0.16, 0.538, 0.346, 150);

    public ClassifierSettings {
        requireArgument(strength > 0, "strength must be > 0: " + strength);
        requireArgument(prior > 0 && prior < 1, "prior must be in (0, 1): " + prior);
        requireArgument(minStrength >= 0 && minStrength < 0.5, "minStrength must be in [0, 0.5): " + minStrength);
        requireArgument(maxClues > 0, "maxClues must be > 0: " + maxClues);
    }

    private static void requireArgument(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
