package com.postwarden.spam.auth;

import com.postwarden.spam.Symbol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything sender authentication found for one message.
 *
 * @param symbols               the symbols for the scorer
 * @param authenticationResults the value of the {@code Authentication-Results:} field to add (RFC 8601)
 * @param spf                   the SPF outcome; empty when the envelope had no client address
 * @param dkim                  the DKIM outcome
 * @param dmarc                 the DMARC outcome
 */
public record AuthenticationReport(List<Symbol> symbols, String authenticationResults, Optional<SpfOutcome> spf,
                                   DkimOutcome dkim, DmarcOutcome dmarc) {
    public AuthenticationReport {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(authenticationResults, "authenticationResults");
        Objects.requireNonNull(spf, "spf");
        Objects.requireNonNull(dkim, "dkim");
        Objects.requireNonNull(dmarc, "dmarc");
    }
}
