package com.postwarden.spam.auth;

import java.util.Locale;
import java.util.Optional;

/** What a domain owner asks receivers to do with mail that fails DMARC (RFC 7489 section 6.3, {@code p=}). */
public enum DmarcPolicy {
    NONE, QUARANTINE, REJECT;

    static Optional<DmarcPolicy> parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "none": return Optional.of(NONE);
            case "quarantine": return Optional.of(QUARANTINE);
            case "reject": return Optional.of(REJECT);
            default: return Optional.empty();
        }
    }

    /** The policy applied to a message left out of {@code pct} sampling (RFC 7489 section 6.6.4). */
    DmarcPolicy sampledOut() {
        return this == REJECT ? QUARANTINE : NONE;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
