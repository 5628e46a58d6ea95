package com.postwarden.spam.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.SpamResult;
import com.postwarden.spam.Symbol;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BayesLearnerTest {
    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");
    private static final SpamMessage SPAM = RawMessages.parse(
            "From: a@spam.example\r\nSubject: cheap pills\r\nMessage-ID: <1@spam.example>\r\n\r\nbuy cheap pills now\r\n");
    private static final SpamMessage HAM = RawMessages.parse(
            "From: b@work.example\r\nSubject: meeting\r\nMessage-ID: <2@work.example>\r\n\r\nthe meeting is at ten\r\n");

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final Tokenizer tokenizer = new Tokenizer();
    private final BayesLearner learner = learner(AutolearnPolicy.OFF);

    private BayesLearner learner(AutolearnPolicy policy) {
        return new BayesLearner(store, tokenizer, Clock.fixed(NOW, ZoneOffset.UTC), policy);
    }

    @Test
    void learningCountsEachTokenOnceForTheClassAndTheTotal() {
        assertThat(learner.learn(SPAM, Label.SPAM)).isEqualTo(LearnOutcome.LEARNED);

        TokenLookup lookup = store.lookup(Set.of("cheap", "pills", "Subject:cheap", "meeting"));
        assertThat(lookup.totals()).isEqualTo(new CorpusTotals(1, 0));
        assertThat(lookup.counts()).containsEntry("cheap", new TokenCounts(1, 0, NOW))
                .containsKeys("pills", "Subject:cheap").doesNotContainKey("meeting");
    }

    @Test
    void aMessageLearnedTwiceCountsOnce() {
        learner.learn(SPAM, Label.SPAM);
        Set<String> tokens = tokenizer.tokens(SPAM);
        TokenLookup before = store.lookup(tokens);

        assertThat(learner.learn(SPAM, Label.SPAM)).isEqualTo(LearnOutcome.ALREADY_LEARNED);
        assertThat(store.lookup(tokens)).isEqualTo(before);
    }

    @Test
    void learningAMessageAsTheOtherClassMovesItsCounts() {
        learner.learn(HAM, Label.SPAM);

        assertThat(learner.learn(HAM, Label.HAM)).isEqualTo(LearnOutcome.RELEARNED);
        TokenLookup lookup = store.lookup(tokenizer.tokens(HAM));
        assertThat(lookup.totals()).isEqualTo(new CorpusTotals(0, 1));
        assertThat(lookup.counts().values()).allMatch(c -> c.spam() == 0 && c.ham() == 1);
        assertThat(store.learnedAs(MessageFingerprint.of(HAM))).contains(Label.HAM);
    }

    @Test
    void unlearningRestoresTheStoreAndIsIdempotent() {
        learner.learn(HAM, Label.HAM);
        TokenLookup onlyHam = store.lookup(tokenizer.tokens(SPAM));
        learner.learn(SPAM, Label.SPAM);

        assertThat(learner.unlearn(SPAM)).isEqualTo(LearnOutcome.UNLEARNED);
        assertThat(learner.unlearn(SPAM)).isEqualTo(LearnOutcome.NOT_LEARNED);
        assertThat(store.lookup(tokenizer.tokens(SPAM))).isEqualTo(onlyHam);
        assertThat(store.learnedAs(MessageFingerprint.of(SPAM))).isEmpty();
    }

    @Test
    void theFingerprintIgnoresFieldsAddedByRelays() {
        SpamMessage relayed = RawMessages.parse("Received: from relay.example by mx.example\r\n"
                + "X-Spam-Status: No\r\n"
                + "From: a@spam.example\r\nSubject: cheap pills\r\nMessage-ID: <1@spam.example>\r\n\r\n"
                + "buy cheap pills now\r\n");
        assertThat(MessageFingerprint.of(relayed)).isEqualTo(MessageFingerprint.of(SPAM)).hasSize(64);
        assertThat(MessageFingerprint.of(HAM)).isNotEqualTo(MessageFingerprint.of(SPAM));
    }

    @Test
    void autolearnIsOffByDefault() {
        assertThat(learner.autolearn(SPAM, result(20.0))).isEmpty();
        assertThat(store.totals()).isEqualTo(CorpusTotals.EMPTY);
    }

    @Test
    void autolearnLearnsOnlyClearVerdictsAndLeavesTheClassifiersOwnScoreOut() {
        BayesLearner auto = learner(new AutolearnPolicy(true, 12.0, 0.1));

        // 13.0 in all, but 5.2 of it from the classifier itself: 7.8 is not clear spam
        assertThat(auto.autolearn(SPAM, new SpamResult(13.0, 5.0, List.of(new Symbol("RULE", 7.8, ""),
                new Symbol("BAYES_99", 5.0, ""), new Symbol("BAYES_999", 0.2, ""))))).isEmpty();
        assertThat(auto.autolearn(SPAM, result(12.0))).contains(Label.SPAM);
        assertThat(auto.autolearn(SPAM, result(12.0))).isEmpty();
        assertThat(auto.autolearn(HAM, result(0.0))).contains(Label.HAM);
        assertThat(store.totals()).isEqualTo(new CorpusTotals(1, 1));
    }

    private static SpamResult result(double score) {
        return new SpamResult(score, 5.0, List.of(new Symbol("RULE", score, "")));
    }
}
