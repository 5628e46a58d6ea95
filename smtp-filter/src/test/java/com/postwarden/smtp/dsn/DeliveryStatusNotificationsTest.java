package com.postwarden.smtp.dsn;

import com.postwarden.policies.config.HostPort;
import com.postwarden.smtp.relay.RecipientResult;
import com.postwarden.smtp.relay.RelayRequest;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.MessageContent;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatusNotificationsTest {
    private static final Instant NOW = Instant.parse("2025-06-01T10:15:30Z");
    private static final HostPort NEXT_HOP = new HostPort("127.0.0.1", 10026);
    private static final String HEADERS = "Received: from client.example.org\r\n\tby gateway.example.com\r\n"
            + "From: Alice <alice@example.org>\r\nTo: bob@example.com\r\nSubject: report\r\n"
            + "Message-ID: <1@example.org>\r\n";
    private static final String ORIGINAL = HEADERS + "\r\nThe body, which is not returned.\r\n";

    private final DeliveryStatusNotifications notifications =
            new DeliveryStatusNotifications("gateway.example.com", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aBounceIsAMultipartReportWithTextStatusAndTheOriginalHeaders() throws Exception {
        DeliveryStatusNotification bounce = bounce(ORIGINAL, List.of(
                new RecipientResult("bob@example.com", SmtpReply.of(550, "5.1.1", "<bob@example.com>: no such user")),
                new RecipientResult("carol@example.com", SmtpReply.of(552, "", "mailbox full"))));

        MimeMessage message = parse(bounce);
        assertThat(bounce.recipient()).isEqualTo("alice@example.org");
        assertThat(message.getHeader("From", null)).isEqualTo(
                "Mail Delivery System <MAILER-DAEMON@gateway.example.com>");
        assertThat(message.getHeader("To", null)).isEqualTo("<alice@example.org>");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(message.getHeader("Date", null)).isEqualTo("Sun, 1 Jun 2025 10:15:30 +0000");
        ContentType type = new ContentType(message.getContentType());
        assertThat(type.getBaseType()).isEqualTo("multipart/report");
        assertThat(type.getParameter("report-type")).isEqualTo("delivery-status");

        MimeMultipart parts = new MimeMultipart(message.getDataHandler().getDataSource());
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("message/delivery-status");
        assertThat(parts.getBodyPart(2).getContentType()).isEqualTo("text/rfc822-headers");
        assertThat(text(parts.getBodyPart(0)))
                .contains("<bob@example.com>: host 127.0.0.1 said: 550 5.1.1 <bob@example.com>: no such user")
                .contains("<carol@example.com>: host 127.0.0.1 said: 552 mailbox full");
        assertThat(text(parts.getBodyPart(2))).isEqualTo(HEADERS);
    }

    @Test
    void theDeliveryStatusHasAPerMessageBlockAndABlockPerFailedRecipient() throws Exception {
        DeliveryStatusNotification bounce = bounce(ORIGINAL, List.of(
                new RecipientResult("bob@example.com", SmtpReply.of(550, "5.1.1", "no such user")),
                new RecipientResult("carol@example.com", SmtpReply.of(552, "", "mailbox full")),
                new RecipientResult("dave@example.com", SmtpReply.of(451, "4.4.1", "next hop unreachable"))));

        List<InternetHeaders> blocks = statusBlocks(bounce);

        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(0).getHeader("Reporting-MTA", null)).isEqualTo("dns; gateway.example.com");
        assertThat(blocks.get(0).getHeader("Arrival-Date", null)).isEqualTo("Sun, 1 Jun 2025 10:10:00 +0000");
        InternetHeaders bob = blocks.get(1);
        assertThat(bob.getHeader("Final-Recipient", null)).isEqualTo("rfc822; bob@example.com");
        assertThat(bob.getHeader("Action", null)).isEqualTo("failed");
        assertThat(bob.getHeader("Status", null)).isEqualTo("5.1.1");
        assertThat(bob.getHeader("Remote-MTA", null)).isEqualTo("dns; 127.0.0.1");
        assertThat(bob.getHeader("Diagnostic-Code", null)).isEqualTo("smtp; 550 5.1.1 no such user");
        assertThat(blocks.get(2).getHeader("Status", null)).as("derived from the basic code").isEqualTo("5.0.0");
        assertThat(blocks.get(3).getHeader("Status", null)).isEqualTo("4.4.1");
    }

    @Test
    void aMessageFromTheNullSenderGetsNoBounce() throws Exception {
        UndeliveredMessage fromNullSender = new UndeliveredMessage("", NOW, content(ORIGINAL), NEXT_HOP,
                List.of(new RecipientResult("bob@example.com", SmtpReply.of(550, "5.1.1", "no such user"))));

        assertThat(notifications.bounce(fromNullSender)).isEmpty();
    }

    @Test
    void theBounceIsSentFromTheNullSenderToTheOriginalSender() throws Exception {
        RelayRequest request = bounce(ORIGINAL, List.of(
                new RecipientResult("bob@example.com", SmtpReply.of(550, "5.1.1", "no such user")))).relayRequest();

        assertThat(request.hasNullSender()).isTrue();
        assertThat(request.recipients()).containsExactly("alice@example.org");
    }

    @Test
    void onlyTheHeaderSectionIsReturnedWithCrlfLineEndsAndWithinTheLimit() throws Exception {
        String bareLf = "From: a@example.org\nSubject: lf\n\nbody\n";
        assertThat(returnedHeaders(bareLf)).isEqualTo("From: a@example.org\r\nSubject: lf\r\n");

        StringBuilder huge = new StringBuilder();
        for (int i = 0; huge.length() < 3 * DeliveryStatusNotifications.MAX_RETURNED_HEADER_BYTES; i++) {
            huge.append("X-Filler-").append(i).append(": ").append("f".repeat(60)).append("\r\n");
        }
        String returned = returnedHeaders(huge + "\r\nbody\r\n");
        assertThat(returned.length()).isLessThanOrEqualTo(DeliveryStatusNotifications.MAX_RETURNED_HEADER_BYTES);
        assertThat(returned).startsWith("X-Filler-0: ").endsWith("\r\n");
    }

    @Test
    void eightBitOriginalHeadersAreReturnedUnchangedAndDeclared() throws Exception {
        String original = "Subject: caf\u00e9 \u2615\r\n\r\nbody\r\n";
        DeliveryStatusNotification bounce = bounce(original, List.of(
                new RecipientResult("bob@example.com", SmtpReply.of(550, "5.1.1", "no such user"))));

        assertThat(bounce.eightBit()).isTrue();
        MimeMultipart parts = new MimeMultipart(parse(bounce).getDataHandler().getDataSource());
        assertThat(new String(parts.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("Subject: caf\u00e9 \u2615\r\n");
    }

    @Test
    void longDiagnosticsAreFoldedAndEveryLineEndsWithCrlf() throws Exception {
        String longText = "the next hop explained at great length why it would not take this message ".repeat(4);
        DeliveryStatusNotification bounce = bounce(ORIGINAL, List.of(
                new RecipientResult("bob@example.com", SmtpReply.of(554, "5.7.1", longText.trim()))));

        String wire = new String(bounce.content().openStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wire.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(wire.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        assertThat(statusBlocks(bounce).get(1).getHeader("Diagnostic-Code", null).replaceAll("\\s+", " "))
                .isEqualTo("smtp; 554 5.7.1 " + longText.trim());
    }

    private DeliveryStatusNotification bounce(String original, List<RecipientResult> failures) throws Exception {
        return notifications.bounce(new UndeliveredMessage("alice@example.org", NOW.minusSeconds(330),
                content(original), NEXT_HOP, failures)).orElseThrow();
    }

    private String returnedHeaders(String original) throws Exception {
        DeliveryStatusNotification bounce = bounce(original, List.of(
                new RecipientResult("bob@example.com", SmtpReply.of(550, "5.1.1", "no such user"))));
        MimeMultipart parts = new MimeMultipart(parse(bounce).getDataHandler().getDataSource());
        return text(parts.getBodyPart(2));
    }

    private static List<InternetHeaders> statusBlocks(DeliveryStatusNotification bounce) throws Exception {
        MimeMultipart parts = new MimeMultipart(parse(bounce).getDataHandler().getDataSource());
        List<InternetHeaders> blocks = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(parts.getBodyPart(1).getInputStream().readAllBytes())) {
            while (in.available() > 0) {
                blocks.add(new InternetHeaders(in));
            }
        }
        return blocks;
    }

    static MimeMessage parse(DeliveryStatusNotification bounce) throws Exception {
        try (InputStream in = bounce.content().openStream()) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String text(BodyPart part) throws Exception {
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static MessageContent content(String text) {
        return MessageContent.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
