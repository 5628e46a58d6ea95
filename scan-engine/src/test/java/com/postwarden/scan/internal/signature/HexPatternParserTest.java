package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.signature.PatternElement.Alternatives;
import com.postwarden.scan.internal.signature.PatternElement.ByteClass;
import com.postwarden.scan.internal.signature.PatternElement.ByteRun;
import com.postwarden.scan.internal.signature.PatternElement.Gap;
import com.postwarden.scan.internal.signature.PatternElement.NegatedAlternatives;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HexPatternParserTest {

    @Test
    void plainHexBecomesOneExactRun() throws Exception {
        BodyPattern pattern = HexPatternParser.parse("4142AbcD");

        assertThat(pattern.elements()).containsExactly(ByteRun.exact(new byte[] {0x41, 0x42, (byte) 0xab, (byte) 0xcd}));
        assertThat(pattern.left()).isNull();
        assertThat(pattern.right()).isNull();
    }

    @Test
    void wildcardsAndNibblesAreMaskedBytesOfTheSameRun() throws Exception {
        ByteRun run = (ByteRun) HexPatternParser.parse("41??4??2").elements().get(0);

        assertThat(run.values()).containsExactly(0x41, 0x00, 0x40, 0x02);
        assertThat(run.masks()).containsExactly(0xff, 0x00, 0xf0, 0x0f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"41??4??2", "41424344", "??", "4?", "?F", "DEADbeef"})
    void byteMatchersAloneParseAsInsideALongerPattern(String hex) throws Exception {
        ByteRun alone = (ByteRun) HexPatternParser.parse(hex).elements().get(0);
        ByteRun inside = (ByteRun) HexPatternParser.parse(hex + "*4142").elements().get(0);

        assertThat(alone).isEqualTo(inside);
        assertThat(HexPatternParser.parse(hex).elements()).hasSize(1);
    }

    @ParameterizedTest(name = "{0} is a gap of {1} to {2}")
    @CsvSource({"4142*4344, 0, 2147483647", "4142{5}4344, 5, 5", "4142{-7}4344, 0, 7", "4142{3-}4344, 3, 2147483647",
        "4142{2-9}4344, 2, 9", "41[1-3]424344, 1, 3"})
    void gapsKeepTheirBounds(String hex, int min, int max) throws Exception {
        assertThat(HexPatternParser.parse(hex).elements().get(1)).isEqualTo(new Gap(min, max));
    }

    @Test
    void singleByteAlternativesAndTheirNegationAreByteClasses() throws Exception {
        ByteClass either = (ByteClass) HexPatternParser.parse("4142(43|44)4546").elements().get(1);
        ByteClass neither = (ByteClass) HexPatternParser.parse("4142!(43|44)4546").elements().get(1);

        assertThat(either.contains(0x43)).isTrue();
        assertThat(either.contains(0x45)).isFalse();
        assertThat(neither.contains(0x43)).isFalse();
        assertThat(neither.contains(0x45)).isTrue();
    }

    @Test
    void multiByteAlternativesMayDifferInLengthAndCarryWildcards() throws Exception {
        Alternatives alternatives = (Alternatives) HexPatternParser.parse("4142(4344|45??46|47)4849").elements().get(1);

        assertThat(alternatives.options()).hasSize(3);
        assertThat(alternatives.minLength()).isEqualTo(1);
        assertThat(alternatives.maxLength()).isEqualTo(3);
    }

    @Test
    void negatedMultiByteAlternativesNeedOneLength() throws Exception {
        assertThat(HexPatternParser.parse("4142!(4344|4546)4748").elements().get(1))
                .isInstanceOf(NegatedAlternatives.class);
        assertThatThrownBy(() -> HexPatternParser.parse("4142!(4344|45)4748"))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage("negated alternatives with wildcards or of different lengths");
    }

    @Test
    void classesAtTheEndsBecomeEdgeMarkersAndInsideConsumeBytes() throws Exception {
        BodyPattern pattern = HexPatternParser.parse("(B)6162(W)6364!(L)");

        assertThat(pattern.left()).isEqualTo(new EdgeMarker(EdgeMarker.Kind.BOUNDARY, false));
        assertThat(pattern.right()).isEqualTo(new EdgeMarker(EdgeMarker.Kind.LINE, true));
        ByteClass word = (ByteClass) pattern.elements().get(1);
        assertThat(word.contains(' ')).isTrue();
        assertThat(word.contains('a')).isFalse();
    }

    @Test
    void innerLineMarkerMatchesLfOrCrLf() throws Exception {
        Alternatives line = (Alternatives) HexPatternParser.parse("6162(L)6364").elements().get(1);

        assertThat(line.options()).containsExactly(ByteRun.exact(new byte[] {'\n'}), ByteRun.exact(new byte[] {'\r', '\n'}));
    }

    @Test
    void wideFormInterleavesZeroBytesButKeepsGaps() throws Exception {
        BodyPattern wide = HexPatternParser.parse("6162{2}63").widened();

        assertThat(wide.wide()).isTrue();
        assertThat(wide.elements()).containsExactly(ByteRun.exact(new byte[] {'a', 0, 'b', 0}), new Gap(2, 2),
                ByteRun.exact(new byte[] {'c', 0}));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '~', value = {
        "''~empty hex signature",
        "414~malformed hex signature",
        "41zz~malformed hex signature",
        "41é2~malformed hex signature",
        "41€2~malformed hex signature",
        "4€~malformed hex signature",
        "4142)3~malformed hex signature",
        "*4142~hex signature starts or ends with a gap",
        "4142{3}~hex signature starts or ends with a gap",
        "4142{5-2}43~gap with maximum below minimum",
        "4142{x}43~malformed gap",
        "4142{-}43~malformed gap",
        "4142{99999999999}43~malformed gap",
        "4142{2-~malformed gap",
        "4142(43|44~malformed alternatives",
        "4142((43)|44)45~nested alternatives",
        "4142(43|)45~alternatives with an empty option",
        "4142(43|*)45~alternatives with a gap",
        "4142!43~malformed hex signature",
        "(B)~hex signature without bytes"})
    void malformedPatternsAreRejectedWithAReason(String hex, String reason) {
        assertThatThrownBy(() -> HexPatternParser.parse(hex))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage(reason);
    }

    @Test
    void fixedGapsInsideAlternativesBecomeAnyBytes() throws Exception {
        Alternatives alternatives = (Alternatives) HexPatternParser.parse("41(42{2}43|44)45").elements().get(1);

        assertThat(alternatives.options().get(0).masks()).containsExactly(0xff, 0, 0, 0xff);
        assertThat(List.of(alternatives.minLength(), alternatives.maxLength())).containsExactly(1, 4);
    }
}
