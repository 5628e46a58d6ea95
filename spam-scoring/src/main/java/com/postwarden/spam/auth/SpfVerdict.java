package com.postwarden.spam.auth;

import java.util.Locale;

/** The results of an SPF check (RFC 7208 section 2.6), as written in {@code Authentication-Results}. */
public enum SpfVerdict {
    PASS, FAIL, SOFTFAIL, NEUTRAL, NONE, TEMPERROR, PERMERROR;

    /** jSPF's result word; anything unknown is a permanent error, the safe reading of a record nobody can judge. */
    static SpfVerdict fromJspf(String result) {
        if (result == null) {
            return PERMERROR;
        }
        switch (result.toLowerCase(Locale.ROOT)) {
            case "pass": return PASS;
            case "fail": return FAIL;
            case "softfail": return SOFTFAIL;
            case "neutral": return NEUTRAL;
            case "none": return NONE;
            case "temperror": return TEMPERROR;
            default: return PERMERROR;
        }
    }

    /** The word RFC 8601 uses for it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
