package com.postwarden.spam.rules;

/**
 * A text that counts how often a regex reads it and stops the match past a step budget: java.util.regex has no
 * timeout, and a rule with nested quantifiers can backtrack exponentially on a hostile body. Every backtracking
 * step re-reads characters, so counting {@link #charAt} bounds the work of one match. Not thread-safe; one per
 * evaluation thread, {@link #reset} before each match.
 */
final class BudgetedText implements CharSequence {
    private String text = "";
    private long remaining;

    /** Thrown (without a stack trace) when a match spends its budget. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    BudgetedText reset(String newText, long budget) {
        this.text = newText;
        this.remaining = budget;
        return this;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw BudgetExceeded.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
