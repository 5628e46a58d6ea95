package com.postwarden.spam.bayes;

import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.SpamResult;
import com.postwarden.spam.Symbol;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Teaches the classifier: learn a message as spam or ham, unlearn it, or let the pipeline's final score decide
 * ({@link #autolearn}). A message learned twice counts once (its {@link MessageFingerprint} is kept); learning it
 * as the other class moves it. Thread-safe when the store is.
 */
public final class BayesLearner {
    private final TokenStore store;
    private final Tokenizer tokenizer;
    private final Clock clock;
    private final AutolearnPolicy autolearn;

    public BayesLearner(TokenStore store, Tokenizer tokenizer, Clock clock, AutolearnPolicy autolearn) {
        this.store = Objects.requireNonNull(store, "store");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.autolearn = Objects.requireNonNull(autolearn, "autolearn");
    }

    public LearnOutcome learn(SpamMessage message, Label label) {
        return store.learn(MessageFingerprint.of(message), label, tokenizer.tokens(message), clock.instant());
    }

    public LearnOutcome unlearn(SpamMessage message) {
        return store.unlearn(MessageFingerprint.of(message), tokenizer.tokens(message));
    }

    /**
     * Learns {@code message} when the policy is on and its score without the {@code BAYES_*} symbols is past a
     * threshold; the class learned, or empty when nothing was learned (policy off, score in between, or the
     * message already learned as that class).
     */
    public Optional<Label> autolearn(SpamMessage message, SpamResult result) {
        if (!autolearn.enabled()) {
            return Optional.empty();
        }
        double score = result.score();
        for (Symbol s : result.symbols()) {
            if (s.name().startsWith("BAYES_")) {
                score -= s.score();
            }
        }
        Label label = score >= autolearn.spamAtOrAbove() ? Label.SPAM
                : score < autolearn.hamBelow() ? Label.HAM : null;
        if (label == null) {
            return Optional.empty();
        }
        LearnOutcome outcome = learn(message, label);
        return outcome == LearnOutcome.ALREADY_LEARNED ? Optional.empty() : Optional.of(label);
    }
}
