package com.postwarden.spam.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BayesCheckTest {
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final BayesLearner learner = new BayesLearner(store, new Tokenizer(), Clock.systemUTC(),
            AutolearnPolicy.OFF);

    private BayesCheck check(long minimum) {
        return new BayesCheck(store, new Tokenizer(), ClassifierSettings.DEFAULTS, BayesScores.DEFAULTS, minimum);
    }

    private void learnSome(int perClass) {
        for (int i = 0; i < perClass; i++) {
            learner.learn(message(i, "cheap pills viagra casino winner"), Label.SPAM);
            learner.learn(message(i, "meeting agenda minutes project review"), Label.HAM);
        }
    }

    private static SpamMessage message(int i, String words) {
        return RawMessages.parse("Subject: note " + i + "\r\nMessage-ID: <" + i + words.hashCode()
                + "@example>\r\n\r\n" + words + " unique" + i + "\r\n");
    }

    @Test
    void noSymbolUntilEnoughOfBothClassesWereLearned() {
        learnSome(4);
        assertThat(check(5).check(message(99, "cheap pills viagra"))).isEmpty();
        learnSome(5);
        assertThat(check(5).check(message(99, "cheap pills viagra"))).isNotEmpty();
    }

    @Test
    void spammyAndHammyMessagesGetTheExtremeSymbols() {
        learnSome(10);
        assertThat(check(5).check(message(99, "cheap pills viagra casino winner")))
                .extracting(Symbol::name).containsExactly("BAYES_99", "BAYES_999");
        assertThat(check(5).check(message(99, "project meeting agenda review minutes")))
                .extracting(Symbol::name).containsExactly("BAYES_00");
    }

    @ParameterizedTest(name = "{0} gives {1}")
    @CsvSource({"0.0, BAYES_00", "0.0099, BAYES_00", "0.01, BAYES_05", "0.2, BAYES_40", "0.5, BAYES_50",
        "0.79, BAYES_60", "0.8, BAYES_80", "0.95, BAYES_95", "0.99, BAYES_99", "0.9989, BAYES_99"})
    void eachProbabilityRangeHasItsSymbol(double probability, String name) {
        assertThat(BayesScores.DEFAULTS.symbols(probability)).extracting(Symbol::name).containsExactly(name);
    }

    @Test
    void aStoreThatFailsAddsNothingInsteadOfThrowing() {
        TokenStore broken = new TokenStore() {
            @Override
            public TokenLookup lookup(Set<String> tokens) {
                throw new IllegalStateException("database down");
            }

            @Override
            public CorpusTotals totals() {
                throw new IllegalStateException("database down");
            }

            @Override
            public LearnOutcome learn(String digest, Label label, Set<String> tokens, Instant now) {
                throw new IllegalStateException("database down");
            }

            @Override
            public LearnOutcome unlearn(String digest, Set<String> tokens) {
                throw new IllegalStateException("database down");
            }

            @Override
            public Optional<Label> learnedAs(String digest) {
                throw new IllegalStateException("database down");
            }
        };
        BayesCheck check = new BayesCheck(broken, new Tokenizer(), ClassifierSettings.DEFAULTS,
                BayesScores.DEFAULTS, 1);
        assertThat(check.check(message(1, "anything"))).isEmpty();
    }

    @Test
    void anEmptyMessageIsJudgedWithoutThrowing() {
        learnSome(3);
        SpamMessage empty = new SpamMessage(List.of(), "", "", "", List.of(), new byte[0], Envelope.NONE);
        assertThat(check(1).check(empty)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theCacheServesWhatTheStoreHoldsAndSeesLearningThroughIt() {
        CachingTokenStore cached = new CachingTokenStore(store, 10_000, Duration.ofMinutes(1), Clock.systemUTC());
        BayesLearner viaCache = new BayesLearner(cached, new Tokenizer(), Clock.fixed(Instant.EPOCH,
                ZoneOffset.UTC), AutolearnPolicy.OFF);
        Set<String> tokens = Set.of("cheap", "never-seen");
        assertThat(cached.lookup(tokens)).isEqualTo(store.lookup(tokens));

        viaCache.learn(message(1, "cheap"), Label.SPAM);

        assertThat(cached.lookup(tokens)).isEqualTo(store.lookup(tokens));
        assertThat(cached.lookup(tokens).counts()).containsKey("cheap").doesNotContainKey("never-seen");
        assertThat(cached.totals()).isEqualTo(new CorpusTotals(1, 0));
    }
}
