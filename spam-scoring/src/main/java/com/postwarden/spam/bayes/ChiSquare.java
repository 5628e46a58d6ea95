package com.postwarden.spam.bayes;

/**
 * Fisher's method as Gary Robinson applied it to spam (and SpamBayes implemented it): the token probabilities
 * f(w) are combined with the inverse chi-square function into a spam indicator S, a ham indicator H, and the
 * classification I = (1 + S − H) / 2. Hand-written: the few lines of math are the definition itself.
 */
final class ChiSquare {
    private ChiSquare() {
    }

    /**
     * The probability that a chi-square variable with {@code degrees} (even) degrees of freedom is at least
     * {@code chi2}: the upper tail, computed with the series for even degrees of freedom.
     */
    static double upperTail(double chi2, int degrees) {
        if (degrees <= 0 || degrees % 2 != 0) {
            throw new IllegalArgumentException("degrees must be even and > 0: " + degrees);
        }
        double m = chi2 / 2.0;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < degrees / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }

    /**
     * Combines token probabilities into I in [0, 1]: near 1 spam, near 0 ham, 0.5 undecided (also for no clue).
     * Log sums are kept instead of products, so hundreds of clues never underflow.
     */
    static double combine(double[] probabilities, int count) {
        if (count == 0) {
            return 0.5;
        }
        double lnSpam = 0;
        double lnHam = 0;
        for (int i = 0; i < count; i++) {
            double f = probabilities[i];
            lnSpam += Math.log1p(-f);
            lnHam += Math.log(f);
        }
        double s = 1.0 - upperTail(-2.0 * lnSpam, 2 * count);
        double h = 1.0 - upperTail(-2.0 * lnHam, 2 * count);
        return (1.0 + s - h) / 2.0;
    }
}
