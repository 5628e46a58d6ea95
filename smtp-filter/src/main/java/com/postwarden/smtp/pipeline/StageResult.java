package com.postwarden.smtp.pipeline;

import com.postwarden.smtp.reply.SmtpReply;

/** What a {@link Stage} decided. */
public sealed interface StageResult {

    /** Go on with the next stage, with what this stage added to the context. */
    record Continue(MessageContext context) implements StageResult {
    }

    /** Refuse the message permanently with this 5xx reply. */
    record Reject(SmtpReply reply, String reason) implements StageResult {
        public Reject {
            if (!reply.isPermanentFailure()) {
                throw new IllegalArgumentException("a rejection needs a 5xx reply: " + reply);
            }
        }
    }

    /** The stage could not decide now (a required scanner is down): 4xx, the client retries. */
    record TemporaryFailure(SmtpReply reply, String reason) implements StageResult {
        public TemporaryFailure {
            if (!reply.isTransientFailure()) {
                throw new IllegalArgumentException("a temporary failure needs a 4xx reply: " + reply);
            }
        }
    }

    /** Accept and drop the message, because a policy says so. */
    record Discard(String reason) implements StageResult {
    }
}
