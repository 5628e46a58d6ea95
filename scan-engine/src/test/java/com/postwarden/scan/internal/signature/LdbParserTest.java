package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LdbParserTest {

    @Test
    void readsTargetDescriptionExpressionAndSubsignatures() throws Exception {
        LogicalSignature signature = LdbParser.parse(
                "Win.Test;Engine:51-255,Target:1,FileSize:100-2000,EntryPoint:64-64,NumberOfSections:1-3;"
                + "0&1;EP+0:41424344;S0+4:45464748::i");

        assertThat(signature.name()).isEqualTo("Win.Test");
        assertThat(signature.target()).isEqualTo(new TargetDescription(1, 100, 2000, 64, 64, 1, 3));
        assertThat(signature.expression().maxIndex()).isEqualTo(1);
        Subsignature.Hex second = (Subsignature.Hex) signature.subsignatures().get(1);
        assertThat(second.offset()).isEqualTo(new SignatureOffset(SignatureOffset.Kind.SECTION, 4, 0, 0));
        assertThat(second.variants()).singleElement().matches(BodyPattern::nocase);
    }

    @Test
    void wideAndAsciiGiveTwoVariants() throws Exception {
        Subsignature.Hex hex = (Subsignature.Hex) LdbParser.parse("A;Target:0;0;61626364::wa").subsignatures().get(0);

        assertThat(hex.variants()).hasSize(2);
        assertThat(hex.variants().get(0).wide()).isTrue();
        assertThat(hex.variants().get(1).wide()).isFalse();
    }

    @Test
    void fullwordPutsWordMarkersOnBothEnds() throws Exception {
        Subsignature.Hex hex = (Subsignature.Hex) LdbParser.parse("A;Target:0;0;61626364::f").subsignatures().get(0);

        EdgeMarker word = new EdgeMarker(EdgeMarker.Kind.WORD, false);
        assertThat(hex.variants().get(0).left()).isEqualTo(word);
        assertThat(hex.variants().get(0).right()).isEqualTo(word);
    }

    @Test
    void pcreSubsignatureKeepsTriggerOffsetAndFlags() throws Exception {
        Subsignature.Pcre pcre = (Subsignature.Pcre) LdbParser.parse(
                "A;Engine:81-255,Target:0;0&1;41424344;200,300:0/http:\\/\\/x[0-9]+\\x3B/gie").subsignatures().get(1);

        assertThat(pcre.offset()).isEqualTo(new SignatureOffset(SignatureOffset.Kind.ABSOLUTE, 200, 0, 300));
        assertThat(pcre.trigger().toString()).isEqualTo("0");
        assertThat(pcre.global()).isTrue();
        assertThat(pcre.encompass()).isTrue();
        assertThat(pcre.rolling()).isFalse();
        assertThat(pcre.regex().matcher("HTTP://X12;").find()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '~', value = {
        "A;Target:0;0~malformed line",
        ";Target:0;0;4142~signature without a name",
        "A;Target:0;0&1;41424344~logical expression names a missing subsignature",
        "A;Target:0;0;~empty subsignature",
        "A;Engine:51-255;0;41424344~target description without Target",
        "A;Engine:220-255,Target:0;0;41424344~requires functionality level 220 (engine has 210)",
        "A;Target:0,Container:CL_TYPE_ZIP;0;41424344~target description Container unsupported",
        "A;Target:0,IconGroup1:x;0;41424344~target description IconGroup1 unsupported",
        "A;Target:0,Intermediates:CL_TYPE_ZIP;0;41424344~target description Intermediates unsupported",
        "A;Target:0,Colour:red;0;41424344~unknown target description key",
        "A;Target:0,FileSize:9-2;0;41424344~malformed target description range",
        "A;Target:0,EntryPoint:0-10;0;41424344~EntryPoint or NumberOfSections without target type 1",
        "A;Target:0;0&1;41424344;${6-7}12$~macro subsignature unsupported",
        "A;Target:0;0&1;41424344;0(>>5#hb2#=0)~byte-compare subsignature unsupported",
        "A;Target:0;0;fuzzy_img#af2ad01ed42993c7#0~fuzzy image hash subsignature unsupported",
        "A;Target:0;0;41424344::x~unknown subsignature modifier",
        "A;Target:0;0&1;41424344;0/a(?R)?b/~PCRE subsignature with unsupported construct",
        "A;Target:0;0&1;41424344;0/a(?|b|c)/~PCRE subsignature with unsupported construct",
        "A;Target:0;0&1;41424344;0/ab\\Kc/~PCRE subsignature with unsupported construct",
        "A;Target:0;0&1;41424344;0/abc/U~PCRE subsignature with unsupported construct",
        "A;Target:0;0&1;41424344;0/a(b/~PCRE subsignature does not compile",
        "A;Target:0;0&1;41424344;0/abc/z~PCRE subsignature with an unknown flag",
        "A;Target:0;0&1;41424344;1/abc/~PCRE trigger names a later subsignature",
        "A;Target:0;0&1;41424344;/abc/~PCRE subsignature without a trigger",
        "A;Target:0;0&1;41424344;0/abc/::w~wide modifier on a PCRE subsignature",
        "A;Target:0;0;SE1:41424344~entry-point or section offset without target type 1"})
    void badLinesAreRejectedWithAReason(String line, String reason) {
        assertThatThrownBy(() -> LdbParser.parse(line)).isInstanceOf(SignatureFormatException.class)
                .hasMessage(reason);
    }

    @Test
    void moreThanSixtyFourSubsignaturesAreRefused() {
        String line = "A;Target:0;0" + ";41424344".repeat(65);

        assertThatThrownBy(() -> LdbParser.parse(line)).hasMessage("more than 64 subsignatures");
    }
}
