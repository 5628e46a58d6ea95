package com.postwarden.smtp.message;

import java.util.Optional;

/**
 * The text limits of one parse: how many bytes the next text part may keep, and which limit cut a part short.
 * Not thread-safe; one per parse.
 */
final class TextBudget {
    private final long perPart;
    private long remaining;

    TextBudget(MimeLimits limits) {
        this.perPart = limits.maxTextPerPart().bytes();
        this.remaining = limits.maxTextTotal().bytes();
    }

    /** Bytes the next text part may keep. */
    int grant() {
        return (int) Math.min(perPart, remaining);
    }

    /** Records that a text part kept {@code bytes}; returns the limit that cut it short, if one did. */
    Optional<MimeLimits.Limit> exceeded(int granted, int bytes, boolean truncated) {
        remaining -= bytes;
        if (!truncated) {
            return Optional.empty();
        }
        return Optional.of(granted < perPart ? MimeLimits.Limit.TEXT_TOTAL : MimeLimits.Limit.TEXT_PER_PART);
    }
}
