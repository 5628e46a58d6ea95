package com.postwarden.spam.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PerlRegexTest {

    static Stream<Arguments> translations() {
        return Stream.of(
                Arguments.of("/hello/i", "Say HELLO", true),
                Arguments.of("m{^a.b$}s", "a\nb", true),
                Arguments.of("m!x/y!", "x/y", true),
                Arguments.of("/^b$/m", "a\nb\nc", true),
                Arguments.of("/a b c/x", "abc", true),
                Arguments.of("/[[:alpha:]]+[[:digit:]]/", "abc1", true),
                Arguments.of("/[[:^space:]]/", " ", false),
                Arguments.of("/[a[]/", "[", true),
                Arguments.of("/[]a]/", "]", true),
                Arguments.of("/a{/", "a{", true),
                Arguments.of("/a{2}/", "aa", true),
                Arguments.of("/\\Qa.b\\E/", "axb", false),
                Arguments.of("/\\Qa.b\\E/", "a.b", true),
                Arguments.of("/\\x41\\x9/", "A\t", true),
                Arguments.of("/\\N+/", "abc", true),
                Arguments.of("/(?P<w>o)(?P=w)/", "foo", true),
                Arguments.of("/\\y\\i/", "yi", true),
                Arguments.of("/a(?#comment)b/", "ab", true),
                Arguments.of("/(a)\\g1/", "aa", true),
                Arguments.of("/\\bword\\b/", "a word here", true),
                Arguments.of("/[a&&b]/", "&", true),
                Arguments.of("/(?i)mixed/", "MIXED", true),
                Arguments.of("/\\p{L}\\x{263a}/", "a\u263a", true));
    }

    @ParameterizedTest(name = "{0} on \"{1}\": {2}")
    @MethodSource("translations")
    void perlSyntaxMeansTheSameInJava(String perl, String text, boolean matches) throws UnsupportedRuleException {
        String unescaped = text.replace("\\n", "\n").replace("\\t", "\t");

        assertThat(PerlRegex.compile(perl).matcher(unescaped).find()).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\\Kb/", "/(?|(a)|(b))/", "/(?<=(a|bc)+)x/", "/unterminated", "plain words",
            "/x/q", "/(?{ code })/"})
    void whatJavaCannotDoIsReportedUnsupported(String perl) {
        assertThatThrownBy(() -> PerlRegex.compile(perl)).isInstanceOf(UnsupportedRuleException.class);
    }
}
