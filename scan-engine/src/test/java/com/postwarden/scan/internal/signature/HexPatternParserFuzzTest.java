package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Arbitrary {@code .ndb} lines and hex signatures: the parsers return a signature or reject the line with
 * {@link SignatureFormatException}, nothing else. A normal build replays the committed seeds;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class HexPatternParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyHexSignatureParsesOrIsRejectedWithAReason(byte[] input) {
        String hex = new String(input, StandardCharsets.ISO_8859_1);
        try {
            BodyPattern pattern = HexPatternParser.parse(hex);
            assertThat(pattern.elements()).isNotEmpty();
            assertThat(pattern.minLength()).isLessThanOrEqualTo(hex.length() + (long) HexPatternParser.MAX_GAP * hex.length());
            assertThat(pattern.widened().elements()).isNotEmpty();
        } catch (SignatureFormatException e) {
            assertThat(e.reason()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyNdbLineParsesOrIsRejectedWithAReason(byte[] input) {
        String line = new String(input, StandardCharsets.ISO_8859_1);
        try {
            BodySignature signature = NdbParser.parse(line);
            assertThat(signature.name()).isNotEmpty().doesNotContain(":");
        } catch (SignatureFormatException e) {
            assertThat(e.reason()).isNotBlank();
        }
    }
}
