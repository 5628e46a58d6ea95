package com.postwarden.spam.auth;

import java.util.Locale;

/** The DMARC result of a message (RFC 7489 section 11.2 as used in {@code Authentication-Results}). */
public enum DmarcResult {
    /** An aligned SPF or DKIM pass. */
    PASS,
    /** A policy was found and nothing aligned passed. */
    FAIL,
    /** No policy record, or no single author domain. */
    NONE,
    /** DNS gave no answer for the policy record. */
    TEMPERROR;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
