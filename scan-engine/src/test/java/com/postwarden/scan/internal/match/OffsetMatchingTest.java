package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.filetype.FileType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a match may start: absolute, floating, from the end, and from the PE entry point and sections. */
class OffsetMatchingTest {
    private static final byte[] CLAM_EXE = read();
    private static final String ENTRY_CODE = HexFormat.of().formatHex(CLAM_EXE, 0x40, 0x48);

    private static byte[] read() {
        try {
            return Files.readAllBytes(Path.of("/usr/share/clamav-testfiles/clam.exe"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "offset {0} on \"{1}\": {2}")
    @CsvSource(delimiter = '~', value = {
        "0~ABCD....~true", "0~.ABCD...~false",
        "3~...ABCD~true", "3~..ABCD..~false",
        "'2,3'~.....ABCD~true", "'2,3'~..ABCD..~true", "'2,3'~......ABCD~false", "'2,3'~.ABCD..~false",
        "EOF-4~....ABCD~true", "EOF-6~....ABCD..~true", "EOF-5~....ABCD..~false",
        "'EOF-8,2'~....ABCD..~true", "'EOF-8,1'~....ABCD..~false",
        "EOF-99~ABCD~false"})
    void matchStartsWhereTheOffsetSays(String offset, String text, boolean matches) {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Offset:0:" + offset + ":41424344");

        assertThat(db.match(text.getBytes(StandardCharsets.ISO_8859_1), FileType.BINARY) instanceof MatchResult.Detected)
                .isEqualTo(matches);
    }

    @Test
    void offsetsAlsoBindPatternsWhoseLiteralIsNotFirst() {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Offset:0:2:41??{1-2}4243444546");

        assertThat(db.match("..A..BCDEF".getBytes(StandardCharsets.ISO_8859_1), FileType.BINARY))
                .isInstanceOf(MatchResult.Detected.class);
        assertThat(db.match("...A..BCDEF".getBytes(StandardCharsets.ISO_8859_1), FileType.BINARY))
                .isEqualTo(MatchResult.NoMatch.INSTANCE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EP+0, 0", "EP-64, -64", "S0+64, 0", "SL+64, 0", "'EP+0,4', 0", "SE0, 0"})
    void executableOffsetsResolveThroughThePeHeaders(String offset, int shiftFromEntry) {
        String hex = shiftFromEntry == 0 ? ENTRY_CODE : "4d5a5000";
        TestDatabase.Compiled db = TestDatabase.ofNdb("Exe:1:" + offset + ":" + hex);

        assertThat(db.match(CLAM_EXE, FileType.PE)).isEqualTo(new MatchResult.Detected("Exe"));
    }

    @Test
    void entryPointOffsetsDoNotMatchElsewhere() {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Exe:1:EP+0:" + ENTRY_CODE);
        byte[] moved = CLAM_EXE.clone();
        System.arraycopy(CLAM_EXE, 0x40, moved, 0x50, 8);
        java.util.Arrays.fill(moved, 0x40, 0x48, (byte) 0x90);

        assertThat(db.match(moved, FileType.PE)).isEqualTo(MatchResult.NoMatch.INSTANCE);
    }

    @Test
    void targetTypesRestrictWhichObjectsAPatternApplies() {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Pe.Only:1:*:434c414d657373616765");

        assertThat(db.match(CLAM_EXE, FileType.PE)).isEqualTo(new MatchResult.Detected("Pe.Only"));
        assertThat(db.match(CLAM_EXE, FileType.BINARY)).isEqualTo(MatchResult.NoMatch.INSTANCE);
    }
}
