package com.postwarden.spam;

import com.postwarden.spam.auth.AuthenticationCheck;
import com.postwarden.spam.auth.AuthenticationReport;
import com.postwarden.spam.message.MessageReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Spam scoring of raw messages: reads each once into a {@link SpamMessage}, runs sender authentication (when DNS
 * is configured) and the other checks, and adds up their symbols. Thread-safe.
 */
public final class SpamEngine {
    private final MessageReader reader;
    private final SpamScorer scorer;
    private final Optional<AuthenticationCheck> authentication;

    public SpamEngine(MessageReader reader, SpamScorer scorer, Optional<AuthenticationCheck> authentication) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    public Scored score(byte[] raw, Envelope envelope) {
        SpamMessage message = reader.read(raw, envelope);
        if (authentication.isEmpty()) {
            return new Scored(scorer.score(message), Optional.empty(), message);
        }
        AuthenticationReport report = authentication.get().evaluate(message);
        return new Scored(scorer.score(message, report.symbols()), Optional.of(report.authenticationResults()),
                message);
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

        public List<Symbol> symbols() {
            return result.symbols();
        }
    }
}
