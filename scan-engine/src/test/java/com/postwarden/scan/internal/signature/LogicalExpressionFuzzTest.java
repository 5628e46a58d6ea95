package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary logical expressions: parsed (and then evaluable for any counts) or rejected with
 * {@link SignatureFormatException}, nothing else. A normal build replays the committed seeds;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class LogicalExpressionFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyExpressionParsesAndEvaluatesOrIsRejected(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        try {
            LogicalExpression expression = LogicalExpression.parse(text);
            assertThat(expression.maxIndex()).isBetween(0, LogicalExpression.MAX_SUBSIGNATURES - 1);
            int[] counts = new int[LogicalExpression.MAX_SUBSIGNATURES];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = input.length == 0 ? 0 : input[i % input.length] & 3;
            }
            expression.evaluate(counts, 0);
            expression.evaluate(new int[LogicalExpression.MAX_SUBSIGNATURES], 0);
        } catch (SignatureFormatException e) {
            assertThat(e.reason()).isNotBlank();
        }
    }
}
