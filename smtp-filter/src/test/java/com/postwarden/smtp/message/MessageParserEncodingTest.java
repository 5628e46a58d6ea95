package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.smtp.spool.MessageContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageParserEncodingTest {
    private static final String TEXT = "Prix : 10 € pour un café naïf"; // encodable in every charset below

    private final MessageParser parser = new MessageParser(MimeLimits.defaults());

    static Stream<Arguments> charsetsAndEncodings() {
        return Stream.of("UTF-8", "ISO-8859-15", "windows-1252").flatMap(charset -> Stream.of(
                Arguments.of(charset, "base64"), Arguments.of(charset, "quoted-printable"),
                Arguments.of(charset, "8bit")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("charsetsAndEncodings")
    void textIsDecodedFromItsTransferEncodingAndCharset(String charset, String encoding) throws IOException {
        byte[] body = TEXT.getBytes(Charset.forName(charset));

        ParsedMessage message = parser.parse(textMessage("text/plain; charset=\"" + charset + "\"", encoding, body));

        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo(TEXT);
            assertThat(part.charset()).isEqualToIgnoringCase(charset);
            assertThat(part.size()).isEqualTo(body.length);
            assertThat(part.sha256()).isEqualTo(Hashes.sha256(body));
        });
        assertThat(message.defects()).isEmpty();
    }

    @Test
    void latin1TextIsDecodedAsLatin1() throws IOException {
        byte[] body = "Grüße".getBytes(StandardCharsets.ISO_8859_1);

        ParsedMessage message = parser.parse(textMessage("text/plain; charset=iso-8859-1", "quoted-printable", body));

        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo("Grüße");
    }

    @ParameterizedTest(name = "{0} bytes declared {1}")
    @CsvSource({
            "UTF-8,        x-unknown-charset, UTF-8",
            "windows-1252, x-unknown-charset, windows-1252",
            "UTF-8,        'utf-8 bogus',     UTF-8"})
    void anUnknownCharsetFallsBackAndIsRecorded(String actual, String declared, String used) throws IOException {
        byte[] body = TEXT.getBytes(Charset.forName(actual));

        ParsedMessage message = parser.parse(textMessage("text/plain; charset=\"" + declared + "\"", "base64", body));

        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo(TEXT);
            assertThat(part.charset()).isEqualTo(used);
        });
        assertThat(message.defects()).extracting(MimeDefect::type).containsExactly(MimeDefect.Type.UNKNOWN_CHARSET);
    }

    @Test
    void eightBitTextDeclaredAsciiIsReadAsUtf8WhenValid() throws IOException {
        ParsedMessage message = parser.parse(textMessage("text/plain", "8bit", TEXT.getBytes(StandardCharsets.UTF_8)));

        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo(TEXT);
    }

    @Test
    void bytesInvalidInTheDeclaredCharsetAreReplacedAndRecorded() throws IOException {
        byte[] body = {'o', 'k', (byte) 0xff, '!'};

        ParsedMessage message = parser.parse(textMessage("text/plain; charset=utf-8", "base64", body));

        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo("ok\uFFFD!");
        assertThat(message.hasDefect(MimeDefect.Type.MALFORMED_TEXT)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RFC 2231 UTF-8                | attachment; filename*=UTF-8''%E2%82%AC.pdf                  | €.pdf",
            "RFC 2231 with language        | attachment; filename*=iso-8859-1'fr'caf%E9.pdf              | café.pdf",
            "RFC 2231 continuations        | attachment; filename*0*=UTF-8''%E2%82%AC; filename*1=\"_x.pdf\" | €_x.pdf",
            "RFC 2231 keeps a plus         | attachment; filename*=UTF-8''a+b.pdf                         | a+b.pdf",
            "RFC 2231 wins over plain      | attachment; filename=\"fallback.pdf\"; filename*=UTF-8''real.pdf | real.pdf",
            "RFC 2047 in a quoted name     | attachment; filename=\"=?UTF-8?B?4oKsLnBkZg==?=\"            | €.pdf",
            "RFC 2047 Q encoding           | attachment; filename=\"=?ISO-8859-1?Q?caf=E9_menu.pdf?=\"    | café menu.pdf",
            "quoted with escapes           | attachment; filename=\"say \\\"hi\\\".pdf\"                  | say \"hi\".pdf",
            "unquoted with spaces          | attachment; filename=my file.pdf                             | my file.pdf",
            "semicolon inside quotes       | attachment; filename=\"a;b.pdf\"; size=3                     | a;b.pdf"})
    void fileNamesAreDecoded(String description, String disposition, String expected) throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Content-Type: application/octet-stream",
                "Content-Disposition: " + disposition,
                "",
                "x"));

        assertThat(message.attachments()).singleElement().extracting(AttachmentInfo::filename)
                .isEqualTo(Optional.of(expected));
    }

    @Test
    void theContentTypeNameIsUsedWhenThereIsNoDispositionFileName() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Content-Type: application/pdf; name*=UTF-8''%E2%82%AC.pdf",
                "",
                "x"));

        assertThat(message.attachments()).singleElement().extracting(AttachmentInfo::filename)
                .isEqualTo(Optional.of("€.pdf"));
    }

    @Test
    void anUnknownTransferEncodingKeepsTheContentAsIsAndIsRecorded() throws IOException {
        ParsedMessage message = parser.parse(textMessage("text/plain", "x-rot13",
                "uryyb".getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo("uryyb");
        assertThat(message.hasDefect(MimeDefect.Type.UNKNOWN_TRANSFER_ENCODING)).isTrue();
    }

    static MessageContent textMessage(String contentType, String encoding, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Subject: charset test\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType
                + "\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(switch (encoding) {
            case "base64" -> Base64.getMimeEncoder().encode(body);
            case "quoted-printable" -> quotedPrintable(body);
            default -> body;
        });
        return MessageContent.of(out.toByteArray());
    }

    private static byte[] quotedPrintable(byte[] body) {
        StringBuilder out = new StringBuilder();
        for (byte b : body) {
            int c = b & 0xff;
            out.append(c >= 33 && c <= 126 && c != '=' ? String.valueOf((char) c) : String.format("=%02X", c));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
