package com.postwarden.spam.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.Symbol;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trained on the TRAIN corpus, the classifier separates the messages it learned. Held-in only: the held-out
 * figures come from cross-validation ({@link BayesCrossValidation}) and the TEST part is never read.
 */
class BayesTrainCorpusTest {
    private static final InMemoryTokenStore STORE = new InMemoryTokenStore();
    private static List<TrainCorpus.Example> spam;
    private static List<TrainCorpus.Example> ham;

    @BeforeAll
    static void learnTheTrainingCorpus() {
        spam = TrainCorpus.examples(Label.SPAM);
        ham = TrainCorpus.examples(Label.HAM);
        BayesLearner learner = new BayesLearner(STORE, new Tokenizer(), Clock.systemUTC(), AutolearnPolicy.OFF);
        spam.forEach(e -> learner.learn(e.message(), Label.SPAM));
        ham.forEach(e -> learner.learn(e.message(), Label.HAM));
    }

    @Test
    void everyTrainingMessageWasLearnedOnce() {
        CorpusTotals totals = STORE.totals();
        assertThat(totals.spamMessages()).isBetween(spam.size() - 5L, (long) spam.size());
        assertThat(totals.hamMessages()).isBetween(ham.size() - 5L, (long) ham.size());
    }

    @Test
    void learnedSpamScoresAtLeastFiveAndLearnedHamBelowIt() {
        BayesCheck check = new BayesCheck(STORE, new Tokenizer(), ClassifierSettings.DEFAULTS, BayesScores.DEFAULTS,
                BayesCheck.DEFAULT_MINIMUM_PER_CLASS);
        long spamCaught = spam.stream().filter(e -> score(check, e) >= 5.0).count();
        long hamFlagged = ham.stream().filter(e -> score(check, e) >= 5.0).count();

        assertThat(spamCaught).isGreaterThanOrEqualTo(spam.size() * 95L / 100);
        assertThat(hamFlagged).isLessThanOrEqualTo(ham.size() / 1000L);
    }

    private static double score(BayesCheck check, TrainCorpus.Example e) {
        return check.check(e.message()).stream().mapToDouble(Symbol::score).sum();
    }
}
