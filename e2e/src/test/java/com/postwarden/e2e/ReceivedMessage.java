package com.postwarden.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message as an {@link SmtpSink} received it: envelope, raw content (dot-unstuffed, as
 * sent after DATA) and the XFORWARD attributes the client announced for the transaction.
 *
 * @param envelopeSender MAIL FROM address without angle brackets ({@code ""} for the null sender)
 * @param recipients RCPT TO addresses in the order given
 * @param helo the client's HELO/EHLO argument
 * @param xforward XFORWARD attributes (NAME, ADDR, PORT, PROTO, HELO, IDENT, SOURCE) as sent;
 *     empty if the client sent none
 */
public record ReceivedMessage(
        String envelopeSender,
        List<String> recipients,
        String helo,
        Map<String, String> xforward,
        byte[] content,
        Instant receivedAt) {

    public ReceivedMessage {
        recipients = List.copyOf(recipients);
        xforward = Map.copyOf(xforward);
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content decoded as UTF-8 (test messages are ASCII). */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The Message-ID header value including angle brackets, if the message has one. */
    public Optional<String> messageId() {
        return header("Message-ID");
    }

    /** First header field with this name (case-insensitive), unfolded and trimmed. */
    public Optional<String> header(String name) {
        return Headers.first(content, name);
    }

    @Override
    public String toString() {
        return "ReceivedMessage[from=<" + envelopeSender + ">, to=" + recipients + ", messageId="
                + messageId().orElse("-") + ", " + content.length + " bytes, xforward=" + xforward + "]";
    }
}
