package com.postwarden.spam;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.bayes.AutolearnPolicy;
import com.postwarden.spam.bayes.BayesLearner;
import com.postwarden.spam.bayes.InMemoryTokenStore;
import com.postwarden.spam.bayes.Tokenizer;
import com.postwarden.spam.message.MessageReader;
import com.postwarden.spam.rules.RuleSet;
import com.postwarden.spam.rules.RulesCheck;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpamEngineTest {
    /** SpamAssassin's test string, assembled here so that no file of the repository holds it whole. */
    private static final String GTUBE = String.join("", "XJS*C4JDBQADN1.NSBN3*2IDNEN*", "GTUBE-STANDARD-ANTI-UBE-",
            "TEST-EMAIL*C.34X");

    private static byte[] message(String id, String body) {
        return ("From: Alice <alice@example.org>\r\nTo: bob@example.net\r\nSubject: hello\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + id + "@example.org>\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static SpamEngine engine(InMemoryTokenStore tokens, boolean autolearn) {
        Optional<BayesLearner> learner = autolearn ? Optional.of(new BayesLearner(tokens, new Tokenizer(),
                Clock.systemUTC(), new AutolearnPolicy(true, 12.0, -100.0))) : Optional.empty();
        return new SpamEngine(new MessageReader(), new SpamScorer(List.of(new RulesCheck(RuleSet.shipped())), 5.0),
                Optional.empty(), learner);
    }

    @Test
    void withAutolearnClearSpamIsLearnedOnceAndUnclearMailIsNot() {
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        SpamEngine engine = engine(tokens, true);

        assertThat(engine.score(message("1", "This is " + GTUBE), Envelope.NONE).result().isSpam()).isTrue();
        engine.score(message("1", "This is " + GTUBE), Envelope.NONE);
        engine.score(message("2", "See you at noon."), Envelope.NONE);

        assertThat(tokens.totals().spamMessages()).isEqualTo(1);
        assertThat(tokens.totals().hamMessages()).as("ham threshold out of reach here").isZero();
    }

    @Test
    void withoutAutolearnNothingIsLearned() {
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        engine(tokens, false).score(message("1", "This is " + GTUBE), Envelope.NONE);
        assertThat(tokens.totals().spamMessages()).isZero();
    }
}
