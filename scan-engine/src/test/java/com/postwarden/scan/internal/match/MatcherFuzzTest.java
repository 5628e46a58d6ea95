package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.signature.NdbParser;
import com.postwarden.scan.internal.signature.SignatureFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Arbitrary hex signatures compiled and run over arbitrary bytes: the first line of the input is the signature,
 * the rest the object. Whatever parses must compile and match without an exception. A normal build replays the
 * committed seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class MatcherFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyParsedSignatureCompilesAndMatchesAnyBytes(byte[] input) {
        int newline = 0;
        while (newline < input.length && input[newline] != '\n') {
            newline++;
        }
        String hex = new String(input, 0, newline, StandardCharsets.ISO_8859_1);
        byte[] object = Arrays.copyOfRange(input, Math.min(input.length, newline + 1), input.length);
        String line = "Fuzz:0:*:" + hex;
        try {
            NdbParser.parse(line);
        } catch (SignatureFormatException e) {
            return;
        }
        TestDatabase.Compiled db = TestDatabase.ofNdb(line);
        for (FileType type : new FileType[] {FileType.BINARY, FileType.TEXT, FileType.PE}) {
            MatchResult result = db.match(object, type);
            assertThat(result).isIn(MatchResult.NoMatch.INSTANCE, new MatchResult.Detected("Fuzz"));
        }
    }
}
