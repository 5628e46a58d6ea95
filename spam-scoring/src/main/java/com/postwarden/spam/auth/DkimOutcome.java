package com.postwarden.spam.auth;

import java.util.List;

/** Every DKIM signature of a message with its result, in header order; empty for an unsigned message. */
public record DkimOutcome(List<DkimSignature> signatures) {
    public static final DkimOutcome UNSIGNED = new DkimOutcome(List.of());

    public DkimOutcome {
        signatures = List.copyOf(signatures);
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }

    public boolean anyPassed() {
        return signatures.stream().anyMatch(DkimSignature::passed);
    }

    /** True when no signature passed and at least one could not be checked for lack of a DNS answer. */
    public boolean temporaryFailure() {
        return !anyPassed() && signatures.stream().anyMatch(s -> s.verdict() == DkimVerdict.TEMPERROR);
    }
}
