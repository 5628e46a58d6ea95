package com.postwarden.spam.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChiSquareTest {

    @ParameterizedTest(name = "Q({0}, {1}) = {2}")
    @CsvSource({
        // e^-2 and e^-2 (1 + 2), by hand
        "4.0, 2, 0.1353352832366127",
        "4.0, 4, 0.4060058497098381",
        "0.0, 6, 1.0",
    })
    void theUpperTailMatchesTheSeriesComputedByHand(double chi2, int degrees, double expected) {
        assertThat(ChiSquare.upperTail(chi2, degrees)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void oddDegreesOfFreedomAreRejected() {
        assertThatThrownBy(() -> ChiSquare.upperTail(1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSpammyCluesCombineToTheHandComputedIndicator() {
        // S = 1 - Q(-2 ln(0.1 * 0.2), 4) = 0.90176, H = 1 - Q(-2 ln(0.9 * 0.8), 4) = 0.04348, I = (1 + S - H) / 2
        assertThat(ChiSquare.combine(new double[] {0.9, 0.8}, 2)).isCloseTo(0.9291412340556515, within(1e-12));
    }

    @Test
    void opposingCluesOfEqualStrengthAreUndecided() {
        assertThat(ChiSquare.combine(new double[] {0.9, 0.1}, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void noClueIsUndecided() {
        assertThat(ChiSquare.combine(new double[0], 0)).isEqualTo(0.5);
    }

    @Test
    void hundredsOfStrongCluesNeitherUnderflowNorLeaveTheUnitInterval() {
        double[] spammy = new double[400];
        java.util.Arrays.fill(spammy, 0.999999);
        assertThat(ChiSquare.combine(spammy, spammy.length)).isCloseTo(1.0, within(1e-9));
        java.util.Arrays.fill(spammy, 0.000001);
        assertThat(ChiSquare.combine(spammy, spammy.length)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void robinsonsTokenProbabilityMatchesTheHandComputedValue() {
        // p = (3/10) / (3/10 + 1/20) = 6/7; f = (0.45 * 0.5 + 4 * 6/7) / (0.45 + 4)
        BayesClassifier classifier = new BayesClassifier(new InMemoryTokenStore(),
                new ClassifierSettings(0.45, 0.5, 0.1, 150));
        double f = classifier.probability(new TokenCounts(3, 1, Instant.EPOCH), new CorpusTotals(10, 20));
        assertThat(f).isCloseTo(0.8210272873194222, within(1e-12));
    }
}
