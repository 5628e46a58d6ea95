package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;

import java.util.ArrayList;
import java.util.List;

/**
 * The replies collected during one mail transaction, and the rules that turn them into one final reply per
 * recipient:
 * <ol>
 *   <li>MAIL FROM refused: every recipient gets that reply;</li>
 *   <li>a recipient refused at RCPT TO keeps the next hop's reply, even if the session fails later;</li>
 *   <li>accepted recipients get the reply to DATA when it was refused, else the reply to the end of the data;</li>
 *   <li>when the attempt failed before that, they get the failure's reply (a synthesized {@code 4xx}, or the
 *       next hop's {@code 421}).</li>
 * </ol>
 * Not thread-safe; one per attempt.
 */
final class TransactionReplies {
    private final List<String> recipients;
    private final SmtpReply[] rcpt;
    private SmtpReply mail;
    private SmtpReply data;
    private SmtpReply end;
    private boolean dataStarted;

    TransactionReplies(List<String> recipients) {
        this.recipients = recipients;
        this.rcpt = new SmtpReply[recipients.size()];
    }

    void mail(SmtpReply reply) {
        mail = reply;
    }

    void rcpt(int index, SmtpReply reply) {
        rcpt[index] = reply;
    }

    /** The reply to the DATA command: {@code 354} opens the data, anything else refuses it. */
    void data(SmtpReply reply) {
        if (reply.code() == 354) {
            dataStarted = true;
        } else {
            data = reply;
        }
    }

    void end(SmtpReply reply) {
        end = reply;
    }

    boolean mailAnswered() {
        return mail != null;
    }

    boolean mailRefused() {
        return mail != null && !mail.isPositive();
    }

    boolean dataStarted() {
        return dataStarted;
    }

    int acceptedCount() {
        int count = 0;
        for (SmtpReply reply : rcpt) {
            if (reply != null && reply.isPositive()) {
                count++;
            }
        }
        return count;
    }

    /** The result of a transaction the next hop answered to the end. */
    RelayResult completed(int attempts) {
        SmtpReply last = finalReply();
        return new RelayResult(results(last), last, attempts);
    }

    /** The result of an attempt that failed with {@code cause}; replies already given are kept. */
    RelayResult failed(SmtpReply cause, int attempts) {
        return new RelayResult(results(cause), cause, attempts);
    }

    private List<RecipientResult> results(SmtpReply otherwise) {
        List<RecipientResult> results = new ArrayList<>(recipients.size());
        for (int i = 0; i < rcpt.length; i++) {
            results.add(new RecipientResult(recipients.get(i), replyFor(i, otherwise)));
        }
        return results;
    }

    private SmtpReply replyFor(int index, SmtpReply otherwise) {
        if (mailRefused()) {
            return mail;
        } else if (rcpt[index] != null && !rcpt[index].isPositive()) {
            return rcpt[index];
        } else if (data != null) {
            return data;
        } else if (end != null) {
            return end;
        }
        return otherwise;
    }

    /** Of a transaction that no recipient got through: a temporary refusal first, since retrying may help. */
    private SmtpReply finalReply() {
        if (mailRefused()) {
            return mail;
        } else if (end != null) {
            return end;
        } else if (data != null && acceptedCount() > 0) {
            return data;
        }
        SmtpReply permanent = null;
        for (SmtpReply reply : rcpt) {
            if (reply != null && reply.isTransientFailure()) {
                return reply;
            } else if (permanent == null && reply != null && reply.isPermanentFailure()) {
                permanent = reply;
            }
        }
        if (permanent == null) {
            throw new IllegalStateException("transaction ended without a final reply");
        }
        return permanent;
    }
}
