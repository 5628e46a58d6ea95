package com.postwarden.smtp.pipeline;

import com.postwarden.policies.config.HostPort;
import com.postwarden.smtp.dsn.DeliveryStatusNotification;
import com.postwarden.smtp.dsn.DeliveryStatusNotifications;
import com.postwarden.smtp.dsn.UndeliveredMessage;
import com.postwarden.smtp.relay.RecipientResult;
import com.postwarden.smtp.relay.RelayClient;
import com.postwarden.smtp.relay.RelayRequest;
import com.postwarden.smtp.relay.RelayResult;
import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.MessageContent;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a message to the next hop and turns the next hop's answers into the one reply owed upstream, by the
 * rule of DESIGN section 2: 250 only when every recipient is accepted, or refused for good and told so by a
 * DSN; 451 when anything failed temporarily (the upstream retries; recipients already accepted may then get
 * a duplicate, never a loss); 5xx when the next hop refused every recipient for good. Thread-safe.
 */
final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** The reply upstream, how the message ended, and what the next hop said (for the message log). */
    record Result(SmtpReply reply, MessageLog.Outcome outcome, String nextHop) {
    }

    private final RelayClient relay;
    private final DeliveryStatusNotifications dsn;
    private final HostPort nextHopAddress;

    Delivery(RelayClient relay, DeliveryStatusNotifications dsn, HostPort nextHopAddress) {
        this.relay = relay;
        this.dsn = dsn;
        this.nextHopAddress = nextHopAddress;
    }

    Result deliver(ReceivedMessage message, MessageContent content) {
        RelayResult result = relay.send(new RelayRequest(message.envelope().sender(),
                message.envelope().recipients(), content, message.envelope().eightBitMime()));
        String nextHop = result.finalReply().toString();
        if (result.allAccepted()) {
            return new Result(SmtpReplies.accepted(message.id(), result.finalReply()), MessageLog.Outcome.RELAYED,
                    nextHop);
        }
        if (result.anyTransientFailure()) {
            SmtpReply cause = result.recipients().stream().map(RecipientResult::reply)
                    .filter(SmtpReply::isTransientFailure).findFirst().orElse(result.finalReply());
            return new Result(SmtpReplies.temporaryFailure(message.id(), cause), MessageLog.Outcome.TEMPFAIL, nextHop);
        }
        List<RecipientResult> refused = result.permanentlyRejected();
        if (result.allPermanentlyRejected()) {
            return new Result(SmtpReplies.permanentFailure(message.id(), refused.get(0).reply()),
                    MessageLog.Outcome.REJECTED, nextHop);
        }
        return notifySender(message, refused, nextHop);
    }

    /** Some recipients were refused for good, the others accepted: the sender must hear of the refused ones. */
    private Result notifySender(ReceivedMessage message, List<RecipientResult> refused, String nextHop) {
        Optional<DeliveryStatusNotification> bounce;
        try {
            bounce = dsn.bounce(new UndeliveredMessage(message.envelope().sender(), message.receivedAt(),
                    message.content(), nextHopAddress, refused));
        } catch (IOException e) {
            throw new UncheckedIOException(message.id() + ": cannot read the message for its bounce", e);
        }
        if (bounce.isEmpty()) {
            LOG.info("{}: {} recipient(s) refused by the next hop; no notification for a null-sender message",
                    message.id(), refused.size());
        } else {
            RelayResult sent = relay.send(bounce.get().relayRequest());
            if (!sent.allAccepted()) {
                LOG.warn("{}: the delivery status notification to <{}> was not accepted ({}); answering 451 so"
                        + " the sender's MTA retries", message.id(), message.envelope().sender(), sent.finalReply());
                return new Result(SmtpReplies.temporaryFailure(message.id(), sent.finalReply()),
                        MessageLog.Outcome.TEMPFAIL, nextHop);
            }
        }
        return new Result(SmtpReplies.partiallyAccepted(message.id(), refused.size()), MessageLog.Outcome.PARTIAL,
                nextHop);
    }
}
