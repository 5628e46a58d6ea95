package com.postwarden.smtp.dsn;

import com.postwarden.smtp.relay.RelayRequest;
import com.postwarden.smtp.spool.MessageContent;

import java.util.List;
import java.util.Objects;

/**
 * A bounce ready to send: an RFC 3464 {@code multipart/report} message with CRLF line ends.
 *
 * @param recipient the original envelope sender, the only recipient of the bounce
 * @param content   the complete message, headers included
 * @param eightBit  whether it holds 8-bit bytes (from the original header section or a non-ASCII reply)
 */
public record DeliveryStatusNotification(String recipient, MessageContent content, boolean eightBit) {

    public DeliveryStatusNotification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        if (recipient.isEmpty()) {
            throw new IllegalArgumentException("a bounce is never sent to the null sender");
        }
    }

    /**
     * The request that sends it: from the null sender {@code <>} (RFC 5321 section 4.5.5), so that a bounce of
     * the bounce is never made.
     */
    public RelayRequest relayRequest() {
        return new RelayRequest("", List.of(recipient), content, eightBit);
    }
}
