package com.postwarden.spam.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The work one message may cost the rules engine.
 *
 * @param stepsPerMatch characters a regex may read in one match attempt over one text (a paragraph, a header,
 *                      a URI) before the match is abandoned as runaway backtracking and the rule reported
 * @param perMessage    time for all rules of one message; past it the remaining pattern rules are skipped and
 *                      the overrun reported (metas and built-in checks still run)
 */
public record RulesLimits(long stepsPerMatch, Duration perMessage) {
    /** One million steps per match; 200 ms per message. */
    public static final RulesLimits DEFAULTS = new RulesLimits(1_000_000, Duration.ofMillis(200));

    public RulesLimits {
        if (stepsPerMatch <= 0) {
            throw new IllegalArgumentException("stepsPerMatch must be positive, was " + stepsPerMatch);
        }
        Objects.requireNonNull(perMessage, "perMessage");
        if (perMessage.isNegative() || perMessage.isZero()) {
            throw new IllegalArgumentException("perMessage must be positive, was " + perMessage);
        }
    }
}
