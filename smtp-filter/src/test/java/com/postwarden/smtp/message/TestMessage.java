package com.postwarden.smtp.message;

import com.postwarden.smtp.spool.MessageContent;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Builds realistic messages the way a mail client writes them (with Jakarta Mail), for tests.
 * A text and an HTML body become multipart/alternative; attachments make the whole multipart/mixed.
 */
final class TestMessage {
    private static final Session SESSION = Session.getInstance(new Properties());

    private String subject = "Test";
    private String from = "Alice <alice@example.org>";
    private String text;
    private String html;
    private final List<MimeBodyPart> attachments = new ArrayList<>();

    static TestMessage builder() {
        return new TestMessage();
    }

    TestMessage subject(String value) {
        this.subject = value;
        return this;
    }

    TestMessage from(String value) {
        this.from = value;
        return this;
    }

    TestMessage text(String value) {
        this.text = value;
        return this;
    }

    TestMessage html(String value) {
        this.html = value;
        return this;
    }

    TestMessage attachment(String filename, String contentType, byte[] content) {
        return part(() -> {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
            part.setFileName(filename);
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            return part;
        });
    }

    /** Attaches another message as {@code message/rfc822}, as a forward "as attachment" does. */
    TestMessage attachMessage(TestMessage inner) {
        return part(() -> {
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(inner.mimeMessage(), "message/rfc822");
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            return part;
        });
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            mimeMessage().writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    MessageContent build() {
        return MessageContent.of(bytes());
    }

    private MimeMessage mimeMessage() {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setSubject(subject, "UTF-8");
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, "bob@example.net");
            MimeMultipart body = body();
            if (attachments.isEmpty() && body == null) {
                message.setText(text == null ? "" : text, "UTF-8");
            } else if (attachments.isEmpty()) {
                message.setContent(body);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(wrap(body));
                for (MimeBodyPart attachment : attachments) {
                    mixed.addBodyPart(attachment);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The alternative of text and HTML, or null when there is at most one of them. */
    private MimeMultipart body() throws MessagingException {
        if (text == null || html == null) {
            return null;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(text, "plain"));
        alternative.addBodyPart(textPart(html, "html"));
        return alternative;
    }

    private MimeBodyPart wrap(MimeMultipart body) throws MessagingException {
        if (body != null) {
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(body);
            return part;
        }
        return html != null ? textPart(html, "html") : textPart(text == null ? "" : text, "plain");
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private TestMessage part(PartFactory factory) {
        try {
            attachments.add(factory.create());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface PartFactory {
        MimeBodyPart create() throws MessagingException;
    }

    /** Raw message text with CRLF line ends, for exact or malformed input. */
    static MessageContent raw(String... lines) {
        return MessageContent.of(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

}
