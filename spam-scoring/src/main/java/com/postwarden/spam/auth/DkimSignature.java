package com.postwarden.spam.auth;

import java.util.Objects;

/**
 * One DKIM signature of a message and what its verification gave.
 *
 * @param domain   the signing domain ({@code d=}), lower case; empty when the signature could not be parsed
 * @param selector the selector ({@code s=}); empty when unknown
 * @param headerB  the first characters of the signature ({@code b=}), to tell signatures apart (RFC 6008)
 * @param verdict  the result
 * @param reason   why it did not pass, for people; empty when it passed
 */
public record DkimSignature(String domain, String selector, String headerB, DkimVerdict verdict, String reason) {
    public DkimSignature {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(headerB, "headerB");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean passed() {
        return verdict == DkimVerdict.PASS;
    }
}
