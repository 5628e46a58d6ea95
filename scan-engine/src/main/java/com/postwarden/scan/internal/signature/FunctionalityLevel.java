package com.postwarden.scan.internal.signature;

/**
 * The ClamAV functionality level (FLEVEL) this engine answers to. Signatures carry a minimum and sometimes a
 * maximum level; one outside the range is skipped, as ClamAV skips it. We claim the level of ClamAV 1.4, whose
 * signature formats the parsers read; a construct of those formats the matcher does not implement is skipped by
 * its own reason rather than by level.
 */
public final class FunctionalityLevel {
    /** FLEVEL of ClamAV 1.4.0. */
    public static final int CURRENT = 210;

    private FunctionalityLevel() {
    }

    /** The skip reason for a signature outside our level, or {@code null} when it applies. */
    public static String rejection(int min, int max) {
        if (min >= 0 && min > CURRENT) {
            return "requires functionality level " + min + " (engine has " + CURRENT + ")";
        }
        if (max >= 0 && max < CURRENT) {
            return "only for functionality levels up to " + max;
        }
        return null;
    }
}
