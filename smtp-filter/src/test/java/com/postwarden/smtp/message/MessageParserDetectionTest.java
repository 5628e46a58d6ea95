package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.smtp.spool.MessageContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageParserDetectionTest {
    private final MessageParser parser = new MessageParser(MimeLimits.defaults());

    static Stream<Arguments> disguisedFiles() {
        Supplier<byte[]> pdf = Samples::pdf;
        Supplier<byte[]> zip = Samples::zip;
        Supplier<byte[]> exe = Samples::windowsExecutable;
        Supplier<byte[]> elf = Samples::linuxExecutable;
        Supplier<byte[]> iso = Samples::isoImage;
        return Stream.of(
                Arguments.of("PDF as octet-stream", pdf, "application/octet-stream", "document", "application/pdf"),
                Arguments.of("zip named as a picture", zip, "image/jpeg", "holiday.jpg", "application/zip"),
                Arguments.of("PE named as a PDF", exe, "application/pdf", "invoice.pdf", "application/x-msdownload"),
                Arguments.of("PE as octet-stream", exe, "application/octet-stream", "setup", "application/x-msdownload"),
                Arguments.of("ELF named as text", elf, "text/plain", "readme.txt", "application/x-executable"),
                Arguments.of("ISO image named as a PDF", iso, "application/pdf", "scan.pdf",
                        "application/x-iso9660-image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguisedFiles")
    void theRealTypeIsFoundFromTheContentWhateverTheDeclaredTypeAndName(String description, Supplier<byte[]> file,
            String declaredType, String filename, String expectedType) throws IOException {
        ParsedMessage message = parser.parse(withAttachment(declaredType, "attachment; filename=" + filename,
                file.get()));

        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.declaredType()).isEqualTo(declaredType);
            assertThat(attachment.detectedType()).isEqualTo(expectedType);
            assertThat(attachment.filename()).contains(filename);
            assertThat(attachment.sha256()).isEqualTo(Hashes.sha256(file.get()));
        });
    }

    static Stream<Arguments> binariesSentAsText() {
        return Stream.of(
                Arguments.of("text/plain", Samples.windowsExecutable(), "application/x-msdownload"),
                Arguments.of("text/html", Samples.zip(), "application/zip"));
    }

    @ParameterizedTest(name = "{2} declared {0}")
    @MethodSource("binariesSentAsText")
    void inlineTextThatIsReallyABinaryIsReportedAsAnAttachment(String declaredType, byte[] content,
            String expectedType) throws IOException {
        ParsedMessage message = parser.parse(withAttachment(declaredType, "inline", content));

        assertThat(message.textParts()).isEmpty();
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.filename()).isEmpty();
            assertThat(attachment.declaredType()).isEqualTo(declaredType);
            assertThat(attachment.detectedType()).isEqualTo(expectedType);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainTexts")
    void ordinaryTextAndMarkupStayText(String declaredType, String content) throws IOException {
        ParsedMessage message = parser.parse(withAttachment(declaredType, "inline",
                content.getBytes(StandardCharsets.UTF_8)));

        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo(content);
        assertThat(message.attachments()).isEmpty();
    }

    static Stream<Arguments> plainTexts() {
        return Stream.of(
                Arguments.of("text/plain", "just words"),
                Arguments.of("text/plain", "<?xml version=\"1.0\"?><a/>"),
                Arguments.of("text/plain", "#!/bin/sh\necho hi\n"),
                Arguments.of("text/html", "<!DOCTYPE html><html><body>hi</body></html>"),
                Arguments.of("text/plain", ""));
    }

    static MessageContent withAttachment(String contentType, String disposition, byte[] content) {
        return TestMessage.raw(
                "Content-Type: multipart/mixed; boundary=\"m\"",
                "",
                "--m",
                "Content-Type: " + contentType,
                "Content-Disposition: " + disposition,
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(content),
                "--m--",
                "");
    }
}
