package com.postwarden.e2e;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A message to inject: envelope plus RFC 5322 content with CRLF line endings.
 *
 * <pre>{@code
 * TestMail mail = TestMail.builder().subject("hello").body("text").build();
 * }</pre>
 */
public record TestMail(String envelopeSender, List<String> recipients, String messageId, byte[] content) {

    public static final String DEFAULT_SENDER = "alice@example.net";
    public static final String DEFAULT_RECIPIENT = "bob@postwarden.test";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public TestMail {
        Objects.requireNonNull(envelopeSender, "envelopeSender");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient is required");
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** A Message-ID that is unique within and across test runs, e.g. {@code <e2e-1f2e3d4c-17@postwarden.test>}. */
    public static String uniqueMessageId() {
        return "<e2e-" + RUN + "-" + SEQUENCE.incrementAndGet() + "@postwarden.test>";
    }

    /** Raw content taken as is (e.g. bytes a filter received), with the given envelope. */
    public static TestMail raw(String envelopeSender, List<String> recipients, byte[] content) {
        return new TestMail(envelopeSender, recipients, Headers.first(content, "Message-ID").orElse(""), content);
    }

    /** Re-sends a received message unchanged with its original envelope (what a filter does). */
    public static TestMail of(ReceivedMessage message) {
        return raw(message.envelopeSender(), message.recipients(), message.content());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String from = DEFAULT_SENDER;
        private List<String> to = List.of(DEFAULT_RECIPIENT);
        private String messageId;
        private String subject = "e2e test message";
        private String body = "This is a test message.\r\n";

        private Builder() {}

        public Builder from(String address) {
            this.from = address;
            return this;
        }

        public Builder to(String... addresses) {
            this.to = List.of(addresses);
            return this;
        }

        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Body text; line endings are normalised to CRLF. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public TestMail build() {
            String id = messageId != null ? messageId : uniqueMessageId();
            String crlfBody = body.replace("\r\n", "\n").replace("\n", "\r\n");
            if (!crlfBody.endsWith("\r\n")) {
                crlfBody += "\r\n";
            }
            String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
            String content = "From: <" + from + ">\r\n"
                    + "To: " + String.join(", ", to.stream().map(a -> "<" + a + ">").toList()) + "\r\n"
                    + "Subject: " + subject + "\r\n"
                    + "Date: " + date + "\r\n"
                    + "Message-ID: " + id + "\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: text/plain; charset=us-ascii\r\n"
                    + "\r\n"
                    + crlfBody;
            return new TestMail(from, to, id, content.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
