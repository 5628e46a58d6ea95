package com.postwarden.smtp.dsn;

import com.postwarden.policies.config.HostPort;
import com.postwarden.smtp.relay.RecipientResult;
import com.postwarden.smtp.spool.MessageContent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message that could not be delivered to some recipients: what a bounce reports on.
 *
 * @param envelopeSender the original envelope sender, to whom the bounce goes; {@code ""} for the null sender
 * @param arrivalDate    when the gateway received the message
 * @param content        the original message; only its header section is read
 * @param remoteMta      the next hop that gave the replies
 * @param failures       the recipients that failed, each with its final (non-positive) reply; at least one
 */
public record UndeliveredMessage(String envelopeSender, Instant arrivalDate, MessageContent content,
                                 HostPort remoteMta, List<RecipientResult> failures) {

    public UndeliveredMessage {
        Objects.requireNonNull(envelopeSender, "envelopeSender");
        Objects.requireNonNull(arrivalDate, "arrivalDate");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(remoteMta, "remoteMta");
        failures = List.copyOf(failures);
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("a bounce needs at least one failed recipient");
        }
        for (RecipientResult failure : failures) {
            if (failure.accepted()) {
                throw new IllegalArgumentException(failure.recipient() + " was accepted (" + failure.reply()
                        + "); only failures are reported");
            }
        }
    }
}
