package com.postwarden.smtp.dsn;

import com.postwarden.smtp.relay.RecipientResult;
import com.postwarden.smtp.spool.MessageContent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes bounces: RFC 3464 delivery status notifications in an RFC 6522 {@code multipart/report}
 * ({@code report-type=delivery-status}) with three parts — a text for people listing each failed recipient with
 * the next hop's reply, the {@code message/delivery-status} fields, and the original header section as
 * {@code text/rfc822-headers} (not the body: the bounce stays small and does not return content we may have
 * refused).
 *
 * <p>The MIME is written directly rather than with Angus Mail's {@code MultipartReport}: the report has a fixed,
 * small shape, and writing it keeps the original header bytes exactly as received, where Jakarta Mail would parse and
 * re-serialise them (and bring in its activation machinery for three text parts).
 *
 * <p>Contract: a message with the null sender never gets a bounce (RFC 5321 section 4.5.5, RFC 3464 section 2):
 * {@link #bounce} returns empty for it. A bounce is sent with the null sender, via
 * {@link DeliveryStatusNotification#relayRequest()}. Whether to bounce at all (policy, backscatter) is the
 * caller's decision. Thread-safe.
 */
public final class DeliveryStatusNotifications {
    /** How much of the original header section is returned; Postfix's default header size limit is 100 KB. */
    public static final int MAX_RETURNED_HEADER_BYTES = 64 * 1024;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private final String reportingHost;
    private final Clock clock;

    /**
     * @param reportingHost this gateway's host name: {@code MAILER-DAEMON@reportingHost} and the Reporting-MTA
     * @param clock         for the Date header
     */
    public DeliveryStatusNotifications(String reportingHost, Clock clock) {
        this.reportingHost = Objects.requireNonNull(reportingHost, "reportingHost");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The bounce for a message that failed for some recipients, or empty when the message had the null sender.
     *
     * @throws IOException if the original message cannot be read
     */
    public Optional<DeliveryStatusNotification> bounce(UndeliveredMessage message) throws IOException {
        if (message.envelopeSender().isEmpty()) {
            return Optional.empty();
        }
        byte[] headers = HeaderSection.read(message.content(), MAX_RETURNED_HEADER_BYTES);
        String text = humanReadable(message.remoteMta().host(), message.failures());
        boolean eightBit = !isAscii(headers) || !isAscii(text.getBytes(StandardCharsets.UTF_8));
        String boundary = "=_postwarden-" + randomHex(12);

        Report report = new Report();
        report.topHeaders(message.envelopeSender(), boundary, eightBit);
        report.part(boundary, List.of("Content-Description: Notification",
                "Content-Type: text/plain; charset=" + (eightBit ? "utf-8" : "us-ascii")), eightBit);
        report.text(text);
        report.part(boundary, List.of("Content-Description: Delivery report",
                "Content-Type: message/delivery-status"), false);
        DeliveryStatusFields.lines(reportingHost, format(message.arrivalDate()), message.remoteMta().host(),
                message.failures()).forEach(report::line);
        report.part(boundary, List.of("Content-Description: Undelivered Message Headers",
                "Content-Type: text/rfc822-headers"), eightBit);
        report.raw(headers);
        report.end(boundary);
        return Optional.of(new DeliveryStatusNotification(message.envelopeSender(),
                MessageContent.of(report.bytes()), eightBit));
    }

    private String humanReadable(String remoteHost, List<RecipientResult> failures) {
        StringBuilder text = new StringBuilder()
                .append("This is the mail system at host ").append(reportingHost).append(".\r\n\r\n")
                .append("Your message could not be delivered to one or more recipients.\r\n")
                .append("The details are below; the headers of your message are attached.\r\n");
        for (RecipientResult failure : failures) {
            text.append("\r\n<").append(failure.recipient()).append(">: host ").append(remoteHost)
                    .append(" said: ").append(DeliveryStatusFields.describe(failure.reply())).append("\r\n");
        }
        return text.toString();
    }

    private String format(Instant instant) {
        return DATE.format(instant.atZone(clock.getZone()));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The message being written, line by line with CRLF. */
    private final class Report {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void topHeaders(String to, String boundary, boolean eightBit) {
            Instant now = clock.instant();
            line("Date: " + format(now));
            line("From: Mail Delivery System <MAILER-DAEMON@" + reportingHost + ">");
            line("To: <" + to + ">");
            line("Subject: Undelivered Mail Returned to Sender");
            line("Message-ID: <" + now.toEpochMilli() + "." + randomHex(8) + "@" + reportingHost + ">");
            line("Auto-Submitted: auto-replied");
            line("MIME-Version: 1.0");
            line("Content-Type: multipart/report; report-type=delivery-status;");
            line("\tboundary=\"" + boundary + "\"");
            if (eightBit) {
                line("Content-Transfer-Encoding: 8bit");
            }
            line("");
            line("This is a MIME-encapsulated message.");
        }

        void part(String boundary, List<String> headers, boolean eightBit) {
            line("");
            line("--" + boundary);
            headers.forEach(this::line);
            if (eightBit) {
                line("Content-Transfer-Encoding: 8bit");
            }
            line("");
        }

        void text(String text) {
            raw(text.getBytes(StandardCharsets.UTF_8));
        }

        void raw(byte[] bytes) {
            out.writeBytes(bytes);
        }

        void end(String boundary) {
            line("");
            line("--" + boundary + "--");
        }

        void line(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[] {'\r', '\n'});
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
