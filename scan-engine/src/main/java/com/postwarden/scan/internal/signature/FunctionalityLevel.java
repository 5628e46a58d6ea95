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
        // one rarely taken branch per bound: a branch that a million lines without levels never took would make
        // the compiled parser start over at the first line with a level
        if (min > CURRENT) {
            return "requires functionality level " + min + " (engine has " + CURRENT + ")";
        }
        if ((max | CURRENT - 1 - max) >= 0) {
            return "only for functionality levels up to " + max;
        }
        return null;
    }
}
