package com.postwarden.smtp.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What SMTP clients send, arbitrary: command arguments and message data. A normal build replays the committed
 * seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ListenerInputFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void commandArgumentsParseWithoutException(byte[] input) {
        String argument = new String(input, StandardCharsets.ISO_8859_1);
        for (String prefix : new String[] {"FROM:", "TO:"}) {
            CommandArguments.Parsed parsed = CommandArguments.parse(argument, prefix, prefix.equals("FROM:"));
            if (parsed.arguments().isPresent()) {
                assertThat(parsed.arguments().get().parameters()).hasSizeLessThanOrEqualTo(16);
                assertThat(parsed.arguments().get().address()).doesNotContain("\r", "\n", "<", ">");
            } else {
                assertThat(parsed.refusal("X", true).code()).isIn(501, 555);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void dataReaderNeverThrowsButEofAndNeverGrows(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataReader reader = new DataReader(4096, 200, 1024);
        try {
            ContentLimits.Outcome outcome = reader.copy(new BufferedInputStream(new ByteArrayInputStream(input), 64), out);
            assertThat(outcome).isNotNull();
        } catch (EOFException expected) {
            // the input never held the terminating line
        }
        assertThat(out.size()).isLessThanOrEqualTo(Math.min(input.length, 4096));
    }
}
