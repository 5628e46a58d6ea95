package com.postwarden.spam.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The SPF results for one delivery (RFC 7208 section 2.3 and 2.4).
 *
 * @param mailFrom       the result for the MAIL FROM identity (for the null sender, the HELO identity
 *                       {@code postmaster@helo}, as RFC 7208 section 2.4 says)
 * @param mailFromDomain the domain checked for MAIL FROM: the reverse path's domain, or the HELO name for the
 *                       null sender; empty when there was none
 * @param helo           the result for the HELO identity; empty when the client sent no usable HELO name
 */
public record SpfOutcome(SpfVerdict mailFrom, String mailFromDomain, Optional<SpfVerdict> helo) {
    public SpfOutcome {
        Objects.requireNonNull(mailFrom, "mailFrom");
        Objects.requireNonNull(mailFromDomain, "mailFromDomain");
        Objects.requireNonNull(helo, "helo");
    }
}
