package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.postwarden.smtp.message.TextPart.Format;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageParserStructureTest {
    private final MessageParser parser = new MessageParser(MimeLimits.defaults());

    @Test
    void aPlainTextMessageHasOneTextPartAndItsHeaders() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "From: Alice <alice@example.org>",
                "To: bob@example.net",
                "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= from",
                " Zurich",
                "Message-ID: <1@example.org>",
                "Date: Tue, 1 Jul 2025 10:00:00 +0200 (CEST)",
                "",
                "Hello Bob,",
                "see you."));

        assertThat(message.headers().subject()).contains("Grüße from Zurich");
        assertThat(message.headers().from()).contains("Alice <alice@example.org>");
        assertThat(message.headers().messageId()).contains("<1@example.org>");
        assertThat(message.headers().date()).contains(Instant.parse("2025-07-01T08:00:00Z"));
        assertThat(message.headers().first("subject").orElseThrow().rawValue())
                .isEqualTo(" =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= from\r\n Zurich");
        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.path()).isEqualTo("1");
            assertThat(part.format()).isEqualTo(Format.PLAIN);
            assertThat(part.text()).isEqualTo("Hello Bob,\r\nsee you.");
            assertThat(part.truncated()).isFalse();
        });
        assertThat(message.attachments()).isEmpty();
        assertThat(message.defects()).isEmpty();
        assertThat(message.isComplete()).isTrue();
    }

    @Test
    void headersKeepTheirOrderAndRepeatedFields() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Received: from a", "Received: from b", "Subject: x", "", "body"));

        assertThat(message.headers().fields()).extracting(HeaderField::name)
                .containsExactly("Received", "Received", "Subject");
        assertThat(message.headers().all("RECEIVED")).extracting(HeaderField::value)
                .containsExactly("from a", "from b");
    }

    @Test
    void anUnreadableDateIsEmptyRatherThanAnError() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw("Date: yesterday-ish", "", "x"));

        assertThat(message.headers().date()).isEmpty();
    }

    @Test
    void multipartAlternativeYieldsThePlainAndTheHtmlText() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.builder()
                .text("Hello in plain text – ünïcödé")
                .html("<p>Hello in <b>HTML</b></p>")
                .build());

        assertThat(message.textParts()).extracting(TextPart::path, TextPart::format, TextPart::text)
                .containsExactly(
                        tuple("1", Format.PLAIN, "Hello in plain text – ünïcödé"),
                        tuple("2", Format.HTML, "<p>Hello in <b>HTML</b></p>"));
        assertThat(message.attachments()).isEmpty();
        assertThat(message.defects()).isEmpty();
    }

    @Test
    void anAttachmentIsDescribedByNameTypesSizeAndHash() throws IOException {
        byte[] pdf = Samples.pdf();
        ParsedMessage message = parser.parse(TestMessage.builder()
                .text("see attached").html("<p>see attached</p>")
                .attachment("report.pdf", "application/pdf", pdf)
                .build());

        assertThat(message.textParts()).extracting(TextPart::path).containsExactly("1.1", "1.2");
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.path()).isEqualTo("2");
            assertThat(attachment.filename()).contains("report.pdf");
            assertThat(attachment.declaredType()).isEqualTo("application/pdf");
            assertThat(attachment.detectedType()).isEqualTo("application/pdf");
            assertThat(attachment.size()).isEqualTo(pdf.length);
            assertThat(attachment.sha256()).isEqualTo(Hashes.sha256(pdf));
        });
    }

    @Test
    void aForwardedMessageIsParsedWithItsPartsAtDeeperPaths() throws IOException {
        byte[] zip = Samples.zip();
        TestMessage forwarded = TestMessage.builder().subject("Invoice").text("the invoice")
                .attachment("invoice.zip", "application/zip", zip);

        ParsedMessage message = parser.parse(TestMessage.builder().subject("Fwd: Invoice")
                .text("FYI").attachMessage(forwarded).build());

        assertThat(message.headers().subject()).contains("Fwd: Invoice");
        assertThat(message.textParts()).extracting(TextPart::path, TextPart::text).containsExactly(
                tuple("1", "FYI"),
                tuple("2.1", "the invoice"));
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.path()).isEqualTo("2.2");
            assertThat(attachment.filename()).contains("invoice.zip");
            assertThat(attachment.detectedType()).isEqualTo("application/zip");
            assertThat(attachment.sha256()).isEqualTo(Hashes.sha256(zip));
        });
        assertThat(message.headers().all("Subject")).hasSize(1);
    }

    @Test
    void aSinglePartForwardedMessageHasItsBodyBelowThePartPath() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: message/rfc822",
                "",
                "Subject: inner",
                "",
                "inner text",
                "--b--",
                ""));

        assertThat(message.textParts()).extracting(TextPart::path, TextPart::text)
                .containsExactly(tuple("1.1", "inner text"));
        assertThat(message.headers().subject()).isEmpty();
    }

    @Test
    void inlineImagesOfMultipartRelatedAreAttachmentsWithoutName() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Content-Type: multipart/related; boundary=r",
                "",
                "--r",
                "Content-Type: text/html; charset=utf-8",
                "",
                "<img src=\"cid:logo\">",
                "--r",
                "Content-Type: image/png",
                "Content-ID: <logo>",
                "Content-Transfer-Encoding: base64",
                "",
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==",
                "--r--"));

        assertThat(message.textParts()).extracting(TextPart::format).containsExactly(Format.HTML);
        assertThat(message.attachments()).singleElement().satisfies(image -> {
            assertThat(image.filename()).isEmpty();
            assertThat(image.declaredType()).isEqualTo("image/png");
            assertThat(image.detectedType()).isEqualTo("image/png");
            assertThat(image.path()).isEqualTo("2");
        });
    }
}
