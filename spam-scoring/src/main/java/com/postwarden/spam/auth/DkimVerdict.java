package com.postwarden.spam.auth;

import java.util.Locale;
import org.apache.james.jdkim.api.Result;

/** The result of verifying one DKIM signature (RFC 6376 section 3.9, RFC 8601 section 2.7.1). */
public enum DkimVerdict {
    PASS, FAIL, NEUTRAL, POLICY, TEMPERROR, PERMERROR;

    static DkimVerdict of(Result.Type type) {
        switch (type) {
            case PASS: return PASS;
            case FAIL: return FAIL;
            case POLICY: return POLICY;
            case TEMPERROR: return TEMPERROR;
            case NEUTRAL: return NEUTRAL;
            default: return PERMERROR;
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
