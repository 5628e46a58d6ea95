package com.postwarden.scan.internal.match;

import java.nio.ByteBuffer;

/**
 * Bytes seen as ISO-8859-1 characters for java.util.regex, counting every character the regex engine reads:
 * past the budget it throws {@link BudgetExceeded}, which bounds the work of a PCRE subsignature on hostile
 * input (the regex engine has no step limit of its own). Not thread-safe.
 */
final class BoundedCharSequence implements CharSequence {
    private final ByteBuffer bytes;
    private final int from;
    private final int to;
    private final long[] steps;

    /** Thrown when the budget is spent; preallocated, without a stack trace. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("regular expression step budget exceeded", null, false, false);
        }
    }

    /** {@code steps[0]} holds the characters still allowed; views share it. */
    BoundedCharSequence(ByteBuffer bytes, int from, int to, long[] steps) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.steps = steps;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        if (--steps[0] < 0) {
            throw BudgetExceeded.INSTANCE;
        }
        return (char) (bytes.get(from + index) & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedCharSequence(bytes, from + start, from + end, steps);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(length());
        for (int i = from; i < to; i++) {
            text.append((char) (bytes.get(i) & 0xff));
        }
        return text.toString();
    }
}
