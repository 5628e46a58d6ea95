package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;

import java.util.Objects;

/**
 * The fate of one recipient at the next hop.
 *
 * @param recipient the envelope recipient as it was sent
 * @param reply     the final reply for it: the next hop's own reply where it gave one (RCPT refusal, end of DATA,
 *                  MAIL refusal), or a synthesized {@code 4xx} when the next hop could not be reached or failed
 */
public record RecipientResult(String recipient, SmtpReply reply) {

    public RecipientResult {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(reply, "reply");
    }

    /** The next hop took responsibility for the message for this recipient. */
    public boolean accepted() {
        return reply.isPositive();
    }

    /** Delivery may succeed later: the message must stay queued (upstream) for this recipient. */
    public boolean transientFailure() {
        return reply.isTransientFailure();
    }

    /** The next hop refused this recipient for good: a bounce or a {@code 5xx} upstream. */
    public boolean permanentFailure() {
        return reply.isPermanentFailure();
    }
}
