package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.postwarden.smtp.message.MimeDefect.Type;
import com.postwarden.smtp.spool.MessageContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageParserMalformedTest {
    private final MessageParser parser = new MessageParser(MimeLimits.defaults());

    static Stream<Arguments> malformedMessages() {
        return Stream.of(
                Arguments.of("missing closing boundary", TestMessage.raw(
                        "Content-Type: multipart/mixed; boundary=b", "", "--b", "", "first part"),
                        Type.MISSING_CLOSING_BOUNDARY),
                Arguments.of("boundary never appears", TestMessage.raw(
                        "Content-Type: multipart/mixed; boundary=b", "", "--c", "", "hidden text"),
                        Type.BOUNDARY_NOT_FOUND),
                Arguments.of("multipart without boundary parameter", TestMessage.raw(
                        "Content-Type: multipart/mixed", "", "--b", "", "text"), Type.MISSING_BOUNDARY_PARAMETER),
                Arguments.of("broken base64", TestMessage.raw(
                        "Content-Transfer-Encoding: base64", "", "SGVs*bG8g!d29y#bGQ"), Type.INVALID_BASE64),
                Arguments.of("base64 going on after its padding", TestMessage.raw(
                        "Content-Transfer-Encoding: base64", "", "SGk=", "dGhlcmU="), Type.INVALID_BASE64),
                Arguments.of("broken quoted-printable", TestMessage.raw(
                        "Content-Transfer-Encoding: quoted-printable", "", "caf=ZZ"), Type.INVALID_QUOTED_PRINTABLE),
                Arguments.of("header without colon", TestMessage.raw(
                        "Subject: x", "this line has no colon", "From: a@example.org", "", "body"),
                        Type.MALFORMED_HEADER),
                Arguments.of("white space before a colon", TestMessage.raw("Subject : x", "", "body"),
                        Type.OBSOLETE_HEADER_SYNTAX),
                Arguments.of("8-bit garbage in headers", bytes("Subject: caf\u00e9 \u00ff\r\n\r\nbody"),
                        Type.INVALID_HEADER_BYTES),
                Arguments.of("NUL bytes in headers and body", bytes("Subject: a\0b\r\n\r\nbo\0dy"),
                        Type.INVALID_HEADER_BYTES),
                Arguments.of("undecodable encoded word", TestMessage.raw("Subject: =?x-nope?Q?abc?=", "", "b"),
                        Type.INVALID_ENCODED_WORD),
                Arguments.of("unknown transfer encoding", TestMessage.raw(
                        "Content-Transfer-Encoding: x-uuencode", "", "begin 644 a"), Type.UNKNOWN_TRANSFER_ENCODING),
                Arguments.of("two Content-Type fields", TestMessage.raw("Content-Type: text/plain",
                        "Content-Type: application/x-msdownload; name=a.exe", "", "MZ"), Type.DUPLICATE_CONTENT_FIELD),
                Arguments.of("base64-encoded multipart", TestMessage.raw(
                        "Content-Type: multipart/mixed; boundary=b", "Content-Transfer-Encoding: base64", "",
                        "LS1iDQoNCmhpDQotLWItLQ=="), Type.ENCODED_MULTIPART),
                Arguments.of("headers only, no empty line", TestMessage.raw("Subject: x", "From: a@example.org"),
                        Type.UNTERMINATED_HEADER),
                Arguments.of("empty message", TestMessage.raw(""), Type.UNTERMINATED_HEADER),
                Arguments.of("endless header line", TestMessage.raw("Subject: " + "x".repeat(20_000), "", "b"),
                        Type.LIMIT_REACHED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMessages")
    void malformedMimeIsRecordedAsADefectAndNeverThrows(String description, MessageContent content, Type expected) {
        ParsedMessage[] result = new ParsedMessage[1];

        assertThatCode(() -> result[0] = parser.parse(content)).doesNotThrowAnyException();

        assertThat(result[0].defects()).extracting(MimeDefect::type).contains(expected);
    }

    @Test
    void aPartWithoutClosingBoundaryIsStillRead() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Content-Type: multipart/mixed; boundary=b", "", "--b", "", "first part"));

        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.path()).isEqualTo("1");
            assertThat(part.text()).isEqualTo("first part");
        });
        assertThat(message.defects()).singleElement().satisfies(defect -> {
            assertThat(defect.type()).isEqualTo(Type.MISSING_CLOSING_BOUNDARY);
            assertThat(defect.path()).isEmpty();
        });
    }

    @Test
    void contentOfAMultipartWhoseBoundaryNeverAppearsIsReadAsText() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Content-Type: multipart/mixed; boundary=b", "", "--c", "", "hidden text"));

        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.path()).isEqualTo("1");
            assertThat(part.text()).isEqualTo("--c\r\n\r\nhidden text");
        });
    }

    @Test
    void base64IsDecodedPastBadCharactersAndInnerPadding() throws IOException {
        ParsedMessage broken = parser.parse(TestMessage.raw(
                "Content-Transfer-Encoding: base64", "", "SGVs*bG8g!d29y#bGQ"));
        ParsedMessage concatenated = parser.parse(TestMessage.raw(
                "Content-Transfer-Encoding: base64", "", "SGk=", "dGhlcmU="));

        assertThat(broken.textParts()).singleElement().extracting(TextPart::text).isEqualTo("Hello world");
        assertThat(concatenated.textParts()).singleElement().extracting(TextPart::text).isEqualTo("Hithere");
    }

    @Test
    void aLineWithoutColonIsSkippedAndTheFollowingFieldsAreStillRead() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Subject: x", "this line has no colon", "Content-Type: text/html", "", "<p>body</p>"));

        assertThat(message.headers().fields()).extracting(HeaderField::name).containsExactly("Subject", "Content-Type");
        assertThat(message.textParts()).singleElement().extracting(TextPart::format).isEqualTo(TextPart.Format.HTML);
    }

    @Test
    void eightBitHeaderBytesThatAreNotUtf8AreReadAsLatin1() throws IOException {
        ParsedMessage message = parser.parse(bytes("Subject: caf\u00e9\r\n\r\nbody"));

        assertThat(message.headers().subject()).contains("café");
    }

    @Test
    void utf8HeadersAreReadAsUtf8WithoutDefect() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw("Subject: café ✓", "", "body"));

        assertThat(message.headers().subject()).contains("café ✓");
        assertThat(message.defects()).isEmpty();
    }

    @Test
    void lfOnlyLineEndsAreUnderstood() throws IOException {
        ParsedMessage message = parser.parse(MessageContent.of(String.join("\n",
                "Subject: unix", "Content-Type: multipart/mixed; boundary=b", "", "--b",
                "Content-Type: text/plain", "", "one", "--b", "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename=a.pdf", "", "%PDF-1.4", "--b--", "")
                .getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.headers().subject()).contains("unix");
        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo("one");
        assertThat(message.attachments()).singleElement().extracting(AttachmentInfo::detectedType)
                .isEqualTo("application/pdf");
        assertThat(message.defects()).isEmpty();
    }

    @Test
    void aMessageWithHeadersAndNoBodyHasAnEmptyTextPart() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw("Subject: x", "", ""));

        assertThat(message.headers().subject()).contains("x");
        assertThat(message.textParts()).singleElement().extracting(TextPart::text, TextPart::size)
                .containsExactly("", 0L);
        assertThat(message.defects()).isEmpty();
    }

    @Test
    void anEmptyMessageHasNoHeaders() throws IOException {
        ParsedMessage message = parser.parse(MessageContent.of(new byte[0]));

        assertThat(message.headers().fields()).isEmpty();
        assertThat(message.attachments()).isEmpty();
        assertThat(message.isComplete()).isTrue();
    }

    private static MessageContent bytes(String latin1) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
        return MessageContent.of(out.toByteArray());
    }
}
