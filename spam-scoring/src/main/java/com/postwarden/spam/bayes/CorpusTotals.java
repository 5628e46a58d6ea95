package com.postwarden.spam.bayes;

/** How many spam and ham messages a store has learned. */
public record CorpusTotals(long spamMessages, long hamMessages) {
    public static final CorpusTotals EMPTY = new CorpusTotals(0, 0);

    public CorpusTotals {
        if (spamMessages < 0 || hamMessages < 0) {
            throw new IllegalArgumentException(
                    "totals must not be negative: spam=" + spamMessages + " ham=" + hamMessages);
        }
    }

    /** The count of {@code label}. */
    public long of(Label label) {
        return label == Label.SPAM ? spamMessages : hamMessages;
    }
}
