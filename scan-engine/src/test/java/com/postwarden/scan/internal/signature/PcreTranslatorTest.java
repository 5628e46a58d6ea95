package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcreTranslatorTest {

    @ParameterizedTest(name = "/{0}/{1} matches \"{2}\": {3}")
    @CsvSource(delimiter = '~', value = {
        "[[:alpha:]]+[[:digit:]]~~abc1~true",
        "[[:^digit:]]x~~1x~false",
        "[]a]b~~]b~true",
        "[a[]b~~[b~true",
        "[a&&b]~~&~true",
        "a{,3}~~a{,3}~true",
        "x{2}~~xx~true",
        "{abc}~~{abc}~true",
        "(?P<word>ab)(?P=word)~~abab~true",
        "a(?#comment)b~~ab~true",
        "abc$~E~abc\\n~false",
        "abc$~~abc\\n~true",
        "^b~m~a\\nb~true",
        "a.c~s~a\\nc~true",
        "a.c~~a\\nc~false",
        "A B~x~AB~true",
        "abc~i~ABC~true"})
    void translatesPcreSyntaxJavaSpellsDifferently(String regex, String flags, String text, boolean matches)
            throws Exception {
        Pattern pattern = PcreTranslator.compile(regex, flags == null ? "" : flags);

        assertThat(pattern.matcher(text.replace("\\n", "\n")).find()).isEqualTo(matches);
    }

    @ParameterizedTest(name = "/{0}/ is unsupported")
    @CsvSource(delimiter = '~', value = {"a(?R)", "(a)(?1)", "(?|a|b)", "(?(1)a|b)", "(*FAIL)", "ab\\Kc", "\\C",
        "\\g{1}", "(?&name)", "(?P>name)", "(?U)a+", "(?'n'a)", "(?<under_score>a)", "[[:nonsense:]]"})
    void constructsJavaLacksAreRefused(String regex) {
        assertThatThrownBy(() -> PcreTranslator.compile(regex, ""))
                .hasMessage(PcreTranslator.UNSUPPORTED);
    }
}
