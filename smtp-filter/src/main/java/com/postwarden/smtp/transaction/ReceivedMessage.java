package com.postwarden.smtp.transaction;

import com.postwarden.smtp.spool.MessageContent;
import java.time.Instant;

/**
 * A message whose data was received completely and within the limits, not yet answered.
 *
 * @param id         the gateway's identifier, in logs, headers and replies
 * @param client     who sent it
 * @param envelope   sender and recipients
 * @param receivedAt when the end of data was seen
 * @param content    the message as received, dot-stuffing removed
 */
public record ReceivedMessage(String id, ClientInfo client, Envelope envelope, Instant receivedAt,
                              MessageContent content) {
}
