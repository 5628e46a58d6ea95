package com.postwarden.smtp.transaction;

import com.postwarden.smtp.reply.SmtpReply;

/**
 * Decides the fate of a received message and returns the reply for the end of DATA. It returns only when
 * that fate is durable (DESIGN section 2): relayed, quarantined, or deliberately refused; otherwise it
 * returns a 4xx so the client keeps the message. Called concurrently from many sessions.
 */
@FunctionalInterface
public interface MessageReceiver {
    SmtpReply receive(ReceivedMessage message);
}
