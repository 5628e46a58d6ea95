package com.postwarden.smtp.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One message a {@link ScriptedSmtpServer} received, with dot-stuffing removed. Large messages are kept as size
 * and digest only, beyond {@link SmtpScript#recordLimit()} bytes.
 *
 * @param session        index of the connection it came on, from 0
 * @param sender         the reverse-path of MAIL FROM, {@code ""} for the null sender
 * @param mailParameters what followed the path in MAIL FROM, e.g. {@code SIZE=123 BODY=8BITMIME}; may be empty
 * @param recipients     the recipients the server accepted
 * @param size           bytes of message data received
 * @param sha256         hex SHA-256 of all those bytes
 * @param recorded       the first bytes, up to the record limit
 * @param tls            whether it came over TLS
 * @param accepted       whether the server answered the end of data positively
 */
public record ReceivedMessage(int session, String sender, String mailParameters, List<String> recipients, long size,
                              String sha256, byte[] recorded, boolean tls, boolean accepted) {

    public ReceivedMessage {
        recipients = List.copyOf(recipients);
    }

    /** Whether every byte was recorded. */
    public boolean complete() {
        return recorded.length == size;
    }

    /** The whole message; fails when it was larger than the record limit. */
    public byte[] bytes() {
        if (!complete()) {
            throw new IllegalStateException("only " + recorded.length + " of " + size + " bytes were recorded");
        }
        return recorded.clone();
    }

    /** The whole message as UTF-8 text. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
