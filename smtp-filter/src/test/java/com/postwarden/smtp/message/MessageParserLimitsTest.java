package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.postwarden.policies.config.DataSize;
import com.postwarden.smtp.message.MimeLimits.Limit;
import com.postwarden.smtp.spool.MessageContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageParserLimitsTest {
    /** Generous: the bombs below parse in well under a second; this only catches a runaway parse. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final MessageParser parser = new MessageParser(MimeLimits.defaults());

    @Test
    void aDepthBombOfFiftyNestedMultipartsStopsAtTheDepthLimit() {
        ParsedMessage message = assertTimeoutPreemptively(BOUND, () -> parser.parse(nestedMultiparts(50)));

        assertThat(message.limitsExceeded()).containsExactly(Limit.DEPTH);
        assertThat(message.isComplete()).isFalse();
        assertThat(message.defects()).filteredOn(d -> d.type() == MimeDefect.Type.LIMIT_REACHED).singleElement()
                .satisfies(d -> assertThat(d.detail()).isEqualTo("MIME depth limit of 20 reached"));
    }

    @Test
    void nestingUpToTheDepthLimitIsComplete() throws IOException {
        ParsedMessage message = parser.parse(nestedMultiparts(20));

        assertThat(message.limitsExceeded()).isEmpty();
        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo("deepest");
            assertThat(part.path()).isEqualTo("1" + ".1".repeat(19));
        });
    }

    @Test
    void oneLevelBeyondTheDepthLimitIsIncomplete() throws IOException {
        ParsedMessage message = parser.parse(nestedMultiparts(21));

        assertThat(message.limitsExceeded()).containsExactly(Limit.DEPTH);
        assertThat(message.textParts()).isEmpty();
    }

    @Test
    void aChainOfForwardedMessagesCountsTowardsTheDepth() {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            message.append("Subject: level ").append(i).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        message.append("Subject: bottom\r\n\r\nbottom text");

        ParsedMessage parsed = assertTimeoutPreemptively(BOUND, () -> parser.parse(MessageContent.of(
                message.toString().getBytes(StandardCharsets.US_ASCII))));

        assertThat(parsed.limitsExceeded()).containsExactly(Limit.DEPTH);
        assertThat(parsed.headers().subject()).contains("level 0");
    }

    @Test
    void aPartBombOfTenThousandPartsStopsAtThePartLimit() {
        ParsedMessage message = assertTimeoutPreemptively(BOUND, () -> parser.parse(manyParts(10_000)));

        assertThat(message.limitsExceeded()).containsExactly(Limit.PARTS);
        assertThat(message.isComplete()).isFalse();
        assertThat(message.textParts()).hasSize(1000);
        assertThat(message.textParts().get(999).path()).isEqualTo("1000");
    }

    @Test
    void tooManyHeaderFieldsStopTheParse() throws IOException {
        String headers = "X-Filler: x\r\n".repeat(600);

        ParsedMessage message = parser.parse(MessageContent.of((headers + "\r\nbody").getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.limitsExceeded()).containsExactly(Limit.HEADER_COUNT);
        assertThat(message.headers().fields()).hasSize(500);
        assertThat(message.isComplete()).isFalse();
    }

    @Test
    void anOversizedFoldedHeaderFieldStopsTheParse() throws IOException {
        String folded = "Subject: start" + "\r\n continued".repeat(10_000);

        ParsedMessage message = parser.parse(TestMessage.raw(folded, "", "body"));

        assertThat(message.limitsExceeded()).containsExactly(Limit.HEADER_FIELD_SIZE);
    }

    @Test
    void anEndlessHeaderLineStopsTheParse() throws IOException {
        ParsedMessage message = parser.parse(TestMessage.raw(
                "Subject: ok", "To: bob@example.net", "X-Long: " + "x".repeat(20_000), "", "b"));

        assertThat(message.limitsExceeded()).containsExactly(Limit.HEADER_LINE_LENGTH);
        assertThat(message.headers().subject()).contains("ok");
    }

    @Test
    void textBeyondThePerPartLimitIsCutButStillCountedAndHashed() throws IOException {
        MessageParser small = new MessageParser(MimeLimits.defaults()
                .withText(DataSize.ofBytes(10), DataSize.ofKilobytes(1)));
        String body = "ü".repeat(20); // two bytes each: the cut falls between characters or inside one

        ParsedMessage message = small.parse(TestMessage.raw("Content-Type: text/plain; charset=utf-8", "", body));

        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo("üüüüü");
            assertThat(part.truncated()).isTrue();
            assertThat(part.size()).isEqualTo(40);
            assertThat(part.sha256()).isEqualTo(Hashes.sha256(body.getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(message.limitsExceeded()).containsExactly(Limit.TEXT_PER_PART);
        assertThat(message.isComplete()).isTrue();
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(ints = {9, 11})
    void aMultiByteCharacterCutByTheLimitIsDropped(int limit) throws IOException {
        MessageParser small = new MessageParser(MimeLimits.defaults()
                .withText(DataSize.ofBytes(limit), DataSize.ofKilobytes(1)));

        ParsedMessage message = small.parse(TestMessage.raw("Content-Type: text/plain; charset=utf-8", "",
                "ü".repeat(20)));

        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo("ü".repeat(limit / 2));
        assertThat(message.defects()).extracting(MimeDefect::type).doesNotContain(MimeDefect.Type.MALFORMED_TEXT);
    }

    @Test
    void theTotalTextLimitIsSharedByAllParts() throws IOException {
        MessageParser small = new MessageParser(MimeLimits.defaults()
                .withText(DataSize.ofBytes(8), DataSize.ofBytes(12)));

        ParsedMessage message = small.parse(TestMessage.builder().text("aaaaaaaa").html("bbbbbbbb").build());

        assertThat(message.textParts()).extracting(TextPart::text).containsExactly("aaaaaaaa", "bbbb");
        assertThat(message.textParts()).extracting(TextPart::truncated).containsExactly(false, true);
        assertThat(message.limitsExceeded()).containsExactly(Limit.TEXT_TOTAL);
    }

    @Test
    void aFailureToReadTheContentIsAnIOException() {
        MessageContent failing = new MessageContent() {
            @Override
            public long size() {
                return 1_000_000;
            }

            @Override
            public InputStream openStream() {
                return new SequenceInputStream(new ByteArrayInputStream(
                        "Subject: x\r\n\r\nstart".getBytes(StandardCharsets.US_ASCII)),
                        new InputStream() {
                            @Override
                            public int read() throws IOException {
                                throw new IOException("disk gone");
                            }
                        });
            }
        };

        assertThatThrownBy(() -> parser.parse(failing)).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void oneParserServesSeveralThreadsAtOnce() throws Exception {
        MessageContent content = TestMessage.builder().text("hello").html("<p>hello</p>")
                .attachment("a.zip", "application/zip", Samples.zip()).build();
        ParsedMessage expected = parser.parse(content);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ParsedMessage>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> parser.parse(content)));
            }
            for (Future<ParsedMessage> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static MessageContent nestedMultiparts(int levels) {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            message.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b")
                    .append(i).append("\r\n");
        }
        message.append("Content-Type: text/plain\r\n\r\ndeepest");
        for (int i = levels - 1; i >= 0; i--) {
            message.append("\r\n--b").append(i).append("--");
        }
        return MessageContent.of(message.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    static MessageContent manyParts(int parts) {
        StringBuilder message = new StringBuilder("Content-Type: multipart/mixed; boundary=p\r\n\r\n");
        for (int i = 0; i < parts; i++) {
            message.append("--p\r\n\r\n").append(i).append("\r\n");
        }
        return MessageContent.of(message.append("--p--\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }
}
