package com.postwarden.smtp.relay;

import com.postwarden.smtp.spool.MessageContent;

import java.util.List;
import java.util.Objects;

/**
 * One message to hand to the next hop: envelope and content. Immutable.
 *
 * <p>Addresses are written into SMTP commands as given, so they are checked here: no control characters
 * and no angle brackets, which would let an address end its command early and inject another.
 *
 * @param sender       the envelope sender (reverse-path); {@code ""} is the null sender {@code <>} used for
 *                     delivery status notifications (RFC 5321 section 4.5.5)
 * @param recipients   the envelope recipients, at least one, in the order they are sent
 * @param content      the message bytes, unstuffed; read once per attempt
 * @param eightBitMime whether the content has 8-bit bytes; {@code BODY=8BITMIME} is declared when the next hop
 *                     supports it (RFC 6152)
 */
public record RelayRequest(String sender, List<String> recipients, MessageContent content, boolean eightBitMime) {

    public RelayRequest {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(content, "content");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a relay request needs at least one recipient");
        }
        requireSafe(sender, "sender");
        for (String recipient : recipients) {
            if (recipient.isEmpty()) {
                throw new IllegalArgumentException("a recipient address is empty");
            }
            requireSafe(recipient, "recipient");
        }
    }

    /** Whether the envelope sender is the null sender {@code <>}. */
    public boolean hasNullSender() {
        return sender.isEmpty();
    }

    private static void requireSafe(String address, String role) {
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '<' || c == '>') {
                throw new IllegalArgumentException("the " + role + " address '" + address.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a character not allowed in an SMTP path");
            }
        }
    }
}
