package com.postwarden.spam;

import com.postwarden.spam.auth.AuthenticationCheck;
import com.postwarden.spam.auth.AuthenticationReport;
import com.postwarden.spam.bayes.BayesLearner;
import com.postwarden.spam.message.MessageReader;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spam scoring of raw messages: reads each once into a {@link SpamMessage}, runs sender authentication (when DNS
 * is configured) and the other checks, and adds up their symbols. Thread-safe.
 */
public final class SpamEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SpamEngine.class);

    private final MessageReader reader;
    private final SpamScorer scorer;
    private final Optional<AuthenticationCheck> authentication;
    private final Optional<BayesLearner> autolearner;

    public SpamEngine(MessageReader reader, SpamScorer scorer, Optional<AuthenticationCheck> authentication) {
        this(reader, scorer, authentication, Optional.empty());
    }

    /** With {@code autolearner}: every scored message is offered to it (it learns what its policy says). */
    public SpamEngine(MessageReader reader, SpamScorer scorer, Optional<AuthenticationCheck> authentication,
                      Optional<BayesLearner> autolearner) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.autolearner = Objects.requireNonNull(autolearner, "autolearner");
    }

    public Scored score(byte[] raw, Envelope envelope) {
        SpamMessage message = reader.read(raw, envelope);
        Scored scored;
        if (authentication.isEmpty()) {
            scored = new Scored(scorer.score(message), Optional.empty(), message);
        } else {
            AuthenticationReport report = authentication.get().evaluate(message);
            scored = new Scored(scorer.score(message, report.symbols()), Optional.of(report.authenticationResults()),
                    message);
        }
        autolearner.ifPresent(learner -> autolearn(learner, scored));
        return scored;
    }

    private static void autolearn(BayesLearner learner, Scored scored) {
        try {
            learner.autolearn(scored.message(), scored.result());
        } catch (RuntimeException e) {
            // the token store failed: the message is scored all the same
            LOG.warn("autolearn failed: {}", e.toString());
        }
    }

    /**
     * One scored message.
     *
     * @param authenticationResults the value of an {@code Authentication-Results:} field, when authentication ran
     * @param message               the message as the checks saw it (for learning from it afterwards)
     */
    public record Scored(SpamResult result, Optional<String> authenticationResults, SpamMessage message) {
        public Scored {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(authenticationResults, "authenticationResults");
            Objects.requireNonNull(message, "message");
        }
    }
}
