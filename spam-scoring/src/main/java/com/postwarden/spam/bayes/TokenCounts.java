package com.postwarden.spam.bayes;

import java.time.Instant;
import java.util.Objects;

/**
 * How many learned messages of each class contained one token (a message counts once however often the token
 * occurs in it).
 *
 * @param lastSeen when a message containing the token was last learned (for expiry)
 */
public record TokenCounts(long spam, long ham, Instant lastSeen) {
    public TokenCounts {
        if (spam < 0 || ham < 0) {
            throw new IllegalArgumentException("counts must not be negative: spam=" + spam + " ham=" + ham);
        }
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
