package com.postwarden.spam.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The DMARC evaluation of one message.
 *
 * @param result      pass, fail, none or temperror
 * @param fromDomain  the author domain; empty when the message has no single one
 * @param policy      the policy the domain owner published for this domain (sp= for a subdomain); empty when none
 * @param disposition what to do after {@code pct} sampling: the policy, or the next milder one when the message
 *                    was sampled out; {@link DmarcPolicy#NONE} when DMARC passed or no policy applies
 */
public record DmarcOutcome(DmarcResult result, Optional<String> fromDomain, Optional<DmarcPolicy> policy,
                           DmarcPolicy disposition) {
    public DmarcOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(fromDomain, "fromDomain");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(disposition, "disposition");
    }
}
