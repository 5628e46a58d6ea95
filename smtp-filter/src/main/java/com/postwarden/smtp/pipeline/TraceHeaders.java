package com.postwarden.smtp.pipeline;

import com.postwarden.smtp.transaction.ClientInfo;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The header fields the gateway prepends to every message it relays: its {@code Received:} trace field
 * (RFC 5321 section 4.4) and {@code X-Postwarden-Status:}, followed by what the stages added. Nothing else in
 * the message is changed. Thread-safe.
 */
final class TraceHeaders {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final int MAX_TOKEN = 255;

    private final String hostname;
    private final ZoneId zone;

    TraceHeaders(String hostname, ZoneId zone) {
        this.hostname = hostname;
        this.zone = zone;
    }

    /** The bytes to put in front of the message as received. */
    byte[] prefix(MessageContext context, String status) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(received(context.message()).toBytes());
        out.writeBytes(new AddedHeader("X-Postwarden-Status", status + "; id=" + context.message().id()
                + "; node=" + hostname).toBytes());
        for (AddedHeader field : context.addedHeaders()) {
            out.writeBytes(field.toBytes());
        }
        return out.toByteArray();
    }

    AddedHeader received(ReceivedMessage message) {
        ClientInfo client = message.client();
        String protocol = (client.esmtp() ? "ESMTP" : "SMTP") + (client.tls() ? "S" : "");
        StringBuilder value = new StringBuilder()
                .append("from ").append(token(client.helo().isEmpty() ? "unknown" : client.helo()))
                .append(" ([").append(client.address().getHostAddress()).append("])")
                .append("\r\n\tby ").append(hostname).append(" (Postwarden) with ").append(protocol)
                .append(" id ").append(message.id());
        List<String> recipients = message.envelope().recipients();
        if (recipients.size() == 1) {
            value.append("\r\n\tfor <").append(token(recipients.get(0))).append('>');
        }
        value.append("; ").append(DATE.format(ZonedDateTime.ofInstant(message.receivedAt(), zone)));
        return new AddedHeader("Received", value.toString());
    }

    /** Client-chosen text is reduced to printable ASCII so it cannot break the header. */
    private static String token(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TOKEN));
        for (int i = 0; i < text.length() && i < MAX_TOKEN; i++) {
            char c = text.charAt(i);
            out.append(c > 0x20 && c < 0x7F && c != '(' && c != ')' ? c : '?');
        }
        return out.toString();
    }
}
