package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.policies.config.DataSize;
import com.postwarden.smtp.spool.MessageContent;
import java.io.IOException;
import java.util.stream.Stream;

/**
 * Feeds arbitrary bytes to the parser. In a normal build this runs the committed seeds in
 * {@code MessageParserFuzzTestInputs/} (regression mode); {@code JAZZER_FUZZ=1} with {@code -Dtest=} on this
 * class fuzzes for the given duration and adds findings to that directory.
 * Small limits let the fuzzer reach them with short inputs.
 */
class MessageParserFuzzTest {
    private static final MimeLimits LIMITS = MimeLimits.defaults().withMaxDepth(6).withMaxParts(40)
            .withText(DataSize.ofBytes(2048), DataSize.ofBytes(6144));
    private static final MessageParser PARSER = new MessageParser(LIMITS);

    @FuzzTest(maxDuration = "5m")
    void anyBytesParseWithoutExceptionAndWithinLimits(byte[] input) throws IOException {
        ParsedMessage message = PARSER.parse(MessageContent.of(input));

        assertThat(message.headers().fields()).hasSizeLessThanOrEqualTo(LIMITS.maxHeaderCount());
        assertThat(message.textParts().size() + message.attachments().size())
                .isLessThanOrEqualTo(LIMITS.maxParts() + 1);
        assertThat(Stream.concat(message.textParts().stream().map(TextPart::path),
                message.attachments().stream().map(AttachmentInfo::path)))
                .allSatisfy(path -> assertThat(EntityFrame.depthOf(path)).isBetween(1, LIMITS.maxDepth()));
        assertThat(message.textParts()).allSatisfy(part -> {
            assertThat((long) part.text().length()).isLessThanOrEqualTo(LIMITS.maxTextPerPart().bytes());
            // quoted-printable decoding turns a bare LF into CRLF, so text may grow up to twice the input
            assertThat(part.size()).isLessThanOrEqualTo(2L * input.length);
        });
        assertThat(message.textParts().stream().mapToLong(part -> part.text().length()).sum())
                .isLessThanOrEqualTo(LIMITS.maxTextTotal().bytes());
        assertThat(message.attachments()).allSatisfy(attachment ->
                assertThat(attachment.sha256()).hasSize(64));
        if (!message.isComplete()) {
            assertThat(message.defects()).isNotEmpty();
        }
    }
}
