package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.filetype.FileType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Logical signatures end to end: counts, modifiers, PCRE subsignatures and target descriptions. */
class LogicalMatchingTest {
    @TempDir
    Path dir;

    private MatchResult match(String line, String text) {
        return TestDatabase.with("test.ldb", line).compile(dir).match(text.getBytes(StandardCharsets.ISO_8859_1),
                FileType.BINARY);
    }

    private boolean detects(String line, String text) {
        return match(line, text) instanceof MatchResult.Detected;
    }

    @ParameterizedTest(name = "{0} on \"{1}\": {2}")
    @CsvSource(delimiter = '~', value = {
        "0&1~ABCD EFGH~true", "0&1~ABCD~false",
        "0|1~EFGH~true",
        "0>1~ABCD ABCD~true", "0>1~ABCD~false",
        "0=2~ABCD ABCD~true", "0=2~ABCD ABCD ABCD~false",
        "0&1=0~ABCD~true", "0&1=0~ABCD EFGH~false",
        "(0|1)>2,2~ABCD EFGH ABCD~true", "(0|1)>2,2~ABCD ABCD ABCD~false",
        "0&1<2~ABCD EFGH~true", "0&1<2~ABCD EFGH EFGH~false"})
    void expressionsCountSubsignatureMatches(String expression, String text, boolean expected) {
        assertThat(detects("Lsig;Engine:51-255,Target:0;" + expression + ";41424344;45464748", text))
                .isEqualTo(expected);
    }

    @Test
    void modifiersChangeHowBytesCompare() {
        String nocase = "Nocase;Engine:81-255,Target:0;0;616263646566::i";
        String wide = "Wide;Engine:81-255,Target:0;0;616263646566::w";
        String both = "Both;Engine:81-255,Target:0;0;616263646566::wa";
        String fullword = "Fullword;Engine:81-255,Target:0;0;616263646566::f";
        String wideFullword = "WideFullword;Engine:81-255,Target:0;0;616263646566::wf";

        assertThat(detects(nocase, "xx AbCdEf xx")).isTrue();
        assertThat(detects(nocase, "xx AbCdEg xx")).isFalse();
        assertThat(detects(wide, "a\0b\0c\0d\0e\0f\0")).isTrue();
        assertThat(detects(wide, "abcdef")).isFalse();
        assertThat(detects(both, "abcdef")).isTrue();
        assertThat(detects(both, "a\0b\0c\0d\0e\0f\0")).isTrue();
        assertThat(detects(fullword, "x abcdef!")).isTrue();
        assertThat(detects(fullword, "x abcdefg")).isFalse();
        assertThat(detects(fullword, "xabcdef ")).isFalse();
        assertThat(detects(wideFullword, " \0a\0b\0c\0d\0e\0f\0 \0")).isTrue();
        assertThat(detects(wideFullword, "x\0a\0b\0c\0d\0e\0f\0 \0")).isFalse();
    }

    @Test
    void pcreRunsWhenItsTriggerHolds() {
        String line = "Pcre;Engine:81-255,Target:0;0&1;41424344;0/x[0-9]{3}y/i";

        assertThat(detects(line, "ABCD .. X123Y")).isTrue();
        assertThat(detects(line, "ABCD .. X12Y")).isFalse();
        assertThat(detects(line, "X123Y")).isFalse();
    }

    @Test
    void pcreOffsetsAnchorRollOrConfineTheMatch() {
        assertThat(detects("A;Engine:81-255,Target:0;0&1;41424344;5:0/XY/", "ABCD XY")).isTrue();
        assertThat(detects("A;Engine:81-255,Target:0;0&1;41424344;4:0/XY/", "ABCD XY")).isFalse();
        assertThat(detects("A;Engine:81-255,Target:0;0&1;41424344;2:0/XY/r", "ABCD   XY")).isTrue();
        assertThat(detects("A;Engine:81-255,Target:0;0&1;41424344;6,3:0/XY/e", "ABCD..XY")).isTrue();
        assertThat(detects("A;Engine:81-255,Target:0;0&1;41424344;6,3:0/XY/e", "ABCD...XY")).isTrue();
        assertThat(detects("A;Engine:81-255,Target:0;0&1;41424344;6,3:0/XY/e", "ABCD....XY")).isFalse();
    }

    @Test
    void pcreGlobalFlagCountsEveryMatch() {
        String line = "Global;Engine:81-255,Target:0;0&1>2;41424344;0/Z[0-9]/g";

        assertThat(detects(line, "ABCD Z1 Z2 Z3")).isTrue();
        assertThat(detects(line, "ABCD Z1 Z2")).isFalse();
    }

    @Test
    void aRunawayRegularExpressionGivesUpInsteadOfHanging() {
        String line = "Runaway;Engine:81-255,Target:0;0&1;41424344;0/(a|aa)+$/";
        String text = "ABCD " + "a".repeat(5000) + "b";

        long started = System.nanoTime();
        assertThat(detects(line, text)).isFalse();
        assertThat(System.nanoTime() - started).isLessThan(30_000_000_000L);
    }

    @Test
    void targetDescriptionChecksFileSize() {
        String line = "Sized;Engine:51-255,Target:0,FileSize:4-8;0;41424344";

        assertThat(detects(line, "ABCD..")).isTrue();
        assertThat(detects(line, "ABCD.....")).isFalse();
    }

    @Test
    void anExpressionTrueWithoutMatchesIsEvaluatedForEveryObject() {
        assertThat(detects("Never;Engine:51-255,Target:0;0=0;41424344", "nothing here")).isTrue();
        assertThat(detects("Never;Engine:51-255,Target:0;0=0;41424344", "ABCD")).isFalse();
    }

    @Test
    void theFirstLogicalSignatureThatHoldsIsReported() {
        TestDatabase.Compiled db = TestDatabase.with("test.ldb",
                "First;Engine:51-255,Target:0;0;45464748", "Second;Engine:51-255,Target:0;0;41424344").compile(dir);

        assertThat(db.match("ABCD EFGH".getBytes(StandardCharsets.ISO_8859_1), FileType.BINARY))
                .isEqualTo(new MatchResult.Detected("First"));
    }

    @Test
    void countsDoNotLeakFromOneObjectToTheNext() {
        TestDatabase.Compiled db = TestDatabase.with("test.ldb", "Twice;Engine:51-255,Target:0;0>1;41424344")
                .compile(dir);
        byte[] once = "ABCD".getBytes(StandardCharsets.ISO_8859_1);

        for (int i = 0; i < 3; i++) {
            assertThat(db.match(once, FileType.BINARY)).isEqualTo(MatchResult.NoMatch.INSTANCE);
        }
    }
}
