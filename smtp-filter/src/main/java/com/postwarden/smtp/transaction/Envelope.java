package com.postwarden.smtp.transaction;

import java.util.List;

/**
 * The SMTP envelope of one transaction.
 *
 * @param sender       the reverse path; empty for the null sender {@code <>} (bounces)
 * @param recipients   accepted forward paths, in order, without duplicates
 * @param declaredSize the {@code SIZE=} the client announced, or 0
 * @param eightBitMime whether the client said {@code BODY=8BITMIME}
 */
public record Envelope(String sender, List<String> recipients, long declaredSize, boolean eightBitMime) {
    public Envelope {
        recipients = List.copyOf(recipients);
    }

    public boolean isNullSender() {
        return sender.isEmpty();
    }
}
