package com.postwarden.spam.rules;

/**
 * A line of a rule file that this engine cannot honour. {@link #reason()} is a short category used to count such
 * lines in the {@link LoadReport}; the message adds the detail.
 */
final class UnsupportedRuleException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    UnsupportedRuleException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
