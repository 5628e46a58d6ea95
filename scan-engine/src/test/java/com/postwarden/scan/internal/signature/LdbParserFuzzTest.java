package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary {@code .ldb} lines, PCRE subsignatures included: parsed or rejected with
 * {@link SignatureFormatException}, nothing else. A normal build replays the committed seeds;
 * {@code JAZZER_FUZZ=1} fuzzes, with
 * {@code -Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection}: compiling the regular
 * expressions a database holds is the parser's job, and a pattern that does not compile is a rejected line.
 */
class LdbParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyLdbLineParsesOrIsRejectedWithAReason(byte[] input) {
        String line = new String(input, StandardCharsets.ISO_8859_1);
        try {
            LogicalSignature signature = LdbParser.parse(line);
            assertThat(signature.subsignatures()).hasSizeBetween(1, LogicalExpression.MAX_SUBSIGNATURES);
            assertThat(signature.expression().maxIndex()).isLessThan(signature.subsignatures().size());
        } catch (SignatureFormatException e) {
            assertThat(e.reason()).isNotBlank();
        }
    }
}
