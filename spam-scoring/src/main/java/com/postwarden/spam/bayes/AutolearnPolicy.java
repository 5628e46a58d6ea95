package com.postwarden.spam.bayes;

/**
 * When the pipeline's final score teaches the classifier by itself. Off by default; the thresholds apply to the
 * score without the classifier's own symbols (else it would confirm itself), as in SpamAssassin.
 *
 * @param spamAtOrAbove learn as spam from this score (conservative: well above the spam threshold)
 * @param hamBelow      learn as ham below this score (conservative: clearly negative evidence)
 */
public record AutolearnPolicy(boolean enabled, double spamAtOrAbove, double hamBelow) {
    public static final AutolearnPolicy OFF = new AutolearnPolicy(false, 12.0, 0.1);

    public AutolearnPolicy {
        if (!(hamBelow < spamAtOrAbove)) {
            throw new IllegalArgumentException(
                    "autolearn: hamBelow (" + hamBelow + ") must be below spamAtOrAbove (" + spamAtOrAbove + ")");
        }
    }
}
