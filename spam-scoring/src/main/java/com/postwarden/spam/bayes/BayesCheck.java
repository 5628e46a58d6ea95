package com.postwarden.spam.bayes;

import com.postwarden.spam.SpamCheck;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier as a {@link SpamCheck}: one {@code BAYES_*} symbol (two from 99.9 %), or none until the store
 * has learned at least {@code minimumPerClass} spam and as many ham messages (SpamAssassin waits for 200 of
 * each). A store failure adds nothing and is logged: mail is never held up by the classifier.
 */
public final class BayesCheck implements SpamCheck {
    /** SpamAssassin's {@code bayes_min_spam_num} and {@code bayes_min_ham_num}. */
    public static final int DEFAULT_MINIMUM_PER_CLASS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(BayesCheck.class);

    private final Tokenizer tokenizer;
    private final BayesClassifier classifier;
    private final TokenStore store;
    private final BayesScores scores;
    private final long minimumPerClass;

    public BayesCheck(TokenStore store, Tokenizer tokenizer, ClassifierSettings settings, BayesScores scores,
                      long minimumPerClass) {
        if (minimumPerClass < 1) {
            throw new IllegalArgumentException("minimumPerClass must be >= 1: " + minimumPerClass);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.classifier = new BayesClassifier(store, settings);
        this.scores = Objects.requireNonNull(scores, "scores");
        this.minimumPerClass = minimumPerClass;
    }

    @Override
    public List<Symbol> check(SpamMessage message) {
        try {
            TokenLookup lookup = store.lookup(tokenizer.tokens(message));
            CorpusTotals totals = lookup.totals();
            if (totals.spamMessages() < minimumPerClass || totals.hamMessages() < minimumPerClass) {
                return List.of();
            }
            return scores.symbols(classifier.classify(lookup).probability());
        } catch (RuntimeException e) {
            LOG.warn("Bayes classification skipped: {}", e.toString());
            return List.of();
        }
    }
}
