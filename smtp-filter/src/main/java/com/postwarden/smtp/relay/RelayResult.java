package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What became of one {@link RelayRequest}: a reply per recipient, in request order.
 *
 * @param recipients one result per requested recipient, in the order of the request
 * @param finalReply the reply that ended the transaction: the next hop's reply to the end of DATA; its refusal of
 *                   MAIL, DATA or (when no recipient was accepted) of the recipients; or the synthesized {@code 4xx}
 *                   for a connection, I/O, timeout or protocol failure
 * @param attempts   connections used: 1, or 2 when a pooled connection turned out to be closed by the next hop
 *                   and the message went out on a fresh one
 */
public record RelayResult(List<RecipientResult> recipients, SmtpReply finalReply, int attempts) {

    public RelayResult {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(finalReply, "finalReply");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }

    /** Every recipient was accepted by the next hop. */
    public boolean allAccepted() {
        return recipients.stream().allMatch(RecipientResult::accepted);
    }

    /** At least one recipient failed temporarily and must be retried. */
    public boolean anyTransientFailure() {
        return recipients.stream().anyMatch(RecipientResult::transientFailure);
    }

    /** Every recipient was refused for good. */
    public boolean allPermanentlyRejected() {
        return recipients.stream().allMatch(RecipientResult::permanentFailure);
    }

    /** The recipients the next hop accepted. */
    public List<RecipientResult> accepted() {
        return select(RecipientResult::accepted);
    }

    /** The recipients refused for good, e.g. to be reported in a delivery status notification. */
    public List<RecipientResult> permanentlyRejected() {
        return select(RecipientResult::permanentFailure);
    }

    /** The recipients that failed temporarily. */
    public List<RecipientResult> transientlyFailed() {
        return select(RecipientResult::transientFailure);
    }

    private List<RecipientResult> select(Predicate<RecipientResult> filter) {
        return recipients.stream().filter(filter).toList();
    }
}
