package com.postwarden.scan.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.filetype.FileType;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each body-pattern feature: bytes that must match and near misses that must not. */
class PatternMatchingTest {

    static Stream<Arguments> features() {
        return Stream.of(
                feature("plain hex", "41424344", "..ABCD..", "..ABCE.."),
                feature("any byte", "4142??4344", "AB?CD", "ABCD"),
                feature("high nibble", "41424?4344", "ABOCD", "AB_CD"),
                feature("low nibble", "4142?f4344", "AB/CD", "AB.CD"),
                feature("unbounded gap", "41424344*45464748", "ABCD and later EFGH", "EFGH before ABCD"),
                feature("fixed gap", "41424344{2}45464748", "ABCD..EFGH", "ABCD...EFGH"),
                feature("gap of at most", "41424344{-2}45464748", "ABCDEFGH", "ABCD...EFGH"),
                feature("gap of at least", "41424344{2-}45464748", "ABCD.....EFGH", "ABCD.EFGH"),
                feature("gap range", "41424344{1-2}45464748", "ABCD..EFGH", "ABCDEFGH"),
                feature("gap before the literal", "41{1-3}4243444546", "A..BCDEF", "ABCDEF"),
                feature("anchored byte", "41[2-3]42434445", "A..BCDE", "A.BCDE"),
                feature("byte alternatives", "4142(43|44)4546", "ABDEF", "ABEEF"),
                feature("string alternatives", "4142(4344|5859)4748", "ABXYGH", "ABXDGH"),
                feature("alternatives of several lengths", "4142(43|5859??)4748", "ABXY.GH", "ABXYGH"),
                feature("negated byte", "4142!(43)4445", "ABxDE", "ABCDE"),
                feature("negated strings", "4142!(4344|4546)4748", "ABxxGH", "ABEFGH"),
                feature("word boundary at both ends", "(B)61626364(B)", "x abcd=", "x abcd."),
                feature("negated boundary", "!(B)61626364", "xabcd", " abcd"),
                feature("line start", "(L)61626364", "x\nabcd", "x abcd"),
                feature("line end with CRLF", "61626364(L)", "abcd\r\nx", "abcd\rx"),
                feature("inner line break", "6162(L)6364", "ab\r\ncd", "ab cd"),
                feature("inner boundary", "6162(B)6364", "ab-cd", "abxcd"),
                feature("inner non-alphanumeric", "6162(W)6364", "ab;cd", "ab1cd"),
                feature("several wildcards around the literal", "41??42{1-2}4344454647(48|49)*4a4b", "A.B.CDEFGI...JK",
                        "A.B.CDEFGJ...JK"));
    }

    private static Arguments feature(String name, String hex, String matching, String missing) {
        return Arguments.of(name, hex, matching, missing);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("features")
    void featureMatchesItsSampleAndNotTheNearMiss(String name, String hex, String matching, String missing) {
        TestDatabase.Compiled db = TestDatabase.ofNdb("Feature:0:*:" + hex);

        assertThat(db.match(bin(matching), FileType.BINARY)).isEqualTo(new MatchResult.Detected("Feature"));
        assertThat(db.match(bin(missing), FileType.BINARY)).isEqualTo(MatchResult.NoMatch.INSTANCE);
    }

    private static byte[] bin(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
