package com.postwarden.spam.bayes;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where the classifier's counts live: per token, how many spam and ham messages contained it; the totals; and the
 * digests of learned messages, so that learning is idempotent per message.
 *
 * <p>Contract for implementations: thread-safe; each learn or unlearn is atomic (counts, totals and the digest
 * change together or not at all, also against concurrent learners in other processes when the store is shared);
 * {@link #lookup} costs one round trip to a remote store however many tokens are asked for. Failures of the
 * underlying storage are reported as unchecked exceptions ({@link java.io.UncheckedIOException} or the
 * implementation's own) — callers that must not throw catch them.
 */
public interface TokenStore {

    /** The totals and the counts of the known tokens among {@code tokens}, read together. */
    TokenLookup lookup(Set<String> tokens);

    /** The totals alone. */
    CorpusTotals totals();

    /**
     * Counts a message's tokens for {@code label}. A digest already learned as {@code label} changes nothing; one
     * learned as the other class is moved (its tokens are subtracted there and added here).
     *
     * @param digest identifies the message (see {@link MessageFingerprint})
     * @param tokens the message's distinct tokens (the same set each time the same message is learned)
     * @param now    the time recorded as the tokens' last sighting
     */
    LearnOutcome learn(String digest, Label label, Set<String> tokens, Instant now);

    /** Removes a learned message's counts; a digest never learned changes nothing. */
    LearnOutcome unlearn(String digest, Set<String> tokens);

    /** The class a message was learned as, if it was. */
    Optional<Label> learnedAs(String digest);
}
