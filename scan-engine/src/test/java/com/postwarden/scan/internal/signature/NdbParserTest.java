package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NdbParserTest {

    @Test
    void readsNameTargetOffsetAndPattern() throws Exception {
        BodySignature signature = NdbParser.parse("Win.Test-1:1:EP+10,5:4142434445");

        assertThat(signature.name()).isEqualTo("Win.Test-1");
        assertThat(signature.target()).isEqualTo(1);
        assertThat(signature.offset()).isEqualTo(new SignatureOffset(SignatureOffset.Kind.ENTRY_POINT, 10, 0, 5));
        assertThat(signature.pattern().elements()).hasSize(1);
        assertThat(signature.line()).isEqualTo("Win.Test-1:1:EP+10,5:4142434445");
    }

    @Test
    void functionalityLevelsWithinOursAreAccepted() throws Exception {
        assertThat(NdbParser.parse("A:0:*:41424344:51").name()).isEqualTo("A");
        assertThat(NdbParser.parse("A:0:*:41424344:51:255").name()).isEqualTo("A");
        assertThat(NdbParser.parse("A:0:*:41424344::").name()).isEqualTo("A");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "A:0:*|malformed line",
        "A:0:*:4142:1:2:3|malformed line",
        ":0:*:41424344|signature without a name",
        "A:x:*:41424344|malformed target type",
        "A:8:*:41424344|unsupported target type 8",
        "A:11:*:41424344|target type 11 (Flash) not detected by the engine",
        "A:0:VI:41424344|unsupported offset type VI",
        "A:0:EP+4:41424344|entry-point or section offset without target type 1",
        "A:6:EP+4:41424344|entry-point or section offset for ELF/Mach-O unsupported",
        "A:0:*:41424344:999|requires functionality level 999 (engine has 210)",
        "A:0:*:41424344:1:20|only for functionality levels up to 20",
        "A:0:*:41424344:x|malformed functionality level",
        "A:0:*:$12$|macro signatures unsupported",
        "A:0:*:41zz|malformed hex signature"})
    void badLinesAreRejectedWithAReason(String line, String reason) {
        assertThatThrownBy(() -> NdbParser.parse(line))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"*, ANY, 0, 0, 0", "120, ABSOLUTE, 120, 0, 0", "'10,30', ABSOLUTE, 10, 0, 30", "EOF-16, END, 16, 0, 0",
        "EP-8, ENTRY_POINT, -8, 0, 0", "S2+100, SECTION, 100, 2, 0", "'SL+4,8', LAST_SECTION, 4, 0, 8",
        "SE3, SECTION_ENTIRE, 0, 3, 0"})
    void offsetsOfEveryKindParse(String text, SignatureOffset.Kind kind, long value, int section, long shift)
            throws Exception {
        assertThat(SignatureOffset.parse(text)).isEqualTo(new SignatureOffset(kind, value, section, shift));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"EOF-|malformed offset", "S+4|malformed offset", "SE1,4|malformed offset",
        "12,|malformed offset", "99999999999|malformed offset", "4294967296|offset too large",
        "$3$|unsupported offset type $"})
    void malformedOffsetsAreRejected(String text, String reason) {
        assertThatThrownBy(() -> SignatureOffset.parse(text)).hasMessage(reason);
    }
}
