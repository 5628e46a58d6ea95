package com.postwarden.smtp.transaction;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Short unique message identifiers, sortable by time: 9 base-36 characters of milliseconds, then a
 * 4-character sequence. Unique within one process; the node name in {@code Received:} disambiguates nodes.
 */
public final class MessageIds {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private MessageIds() {
    }

    public static String next() {
        String time = Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT);
        long seq = SEQUENCE.getAndIncrement() % (36L * 36 * 36 * 36);
        String counter = Long.toString(seq, 36).toUpperCase(java.util.Locale.ROOT);
        return time + "0000".substring(counter.length()) + counter;
    }
}
