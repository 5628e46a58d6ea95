package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodedWordsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "base64 word                  | =?UTF-8?B?R3LDvMOfZQ==?=                  | Grüße",
            "Q word with underscores      | =?iso-8859-1?q?caf=E9_cr=E8me?=           | café crème",
            "text around a word           | Re: =?UTF-8?Q?=E2=82=AC?= 100             | Re: € 100",
            "space between words dropped  | =?UTF-8?Q?a?= =?UTF-8?Q?b?=               | ab",
            "character split across words | =?UTF-8?B?4oI=?= =?UTF-8?B?rA==?=         | €",
            "RFC 2231 language suffix     | =?UTF-8*en?Q?hello?=                      | hello",
            "different charsets in a row  | =?UTF-8?Q?=C3=A9?= =?ISO-8859-1?Q?=E9?=   | éé",
            "no encoded word              | plain =? text ?=                          | plain =? text ?="})
    void decodesEncodedWords(String description, String text, String expected) {
        DefectLog defects = new DefectLog();

        assertThat(EncodedWords.decode(text, defects)).isEqualTo(expected);
        assertThat(defects.defects()).isEmpty();
    }

    @Test
    void aWordInAnUnknownCharsetIsLeftAsWrittenAndRecorded() {
        DefectLog defects = new DefectLog();

        assertThat(EncodedWords.decode("x =?x-nope?Q?abc?= y", defects)).isEqualTo("x =?x-nope?Q?abc?= y");
        assertThat(defects.defects()).extracting(MimeDefect::type)
                .containsExactly(MimeDefect.Type.INVALID_ENCODED_WORD);
    }

    @Test
    void manyUnclosedWordsDoNotTakeQuadraticTime() {
        String hostile = "=?a?b?".repeat(20_000);

        String decoded = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> EncodedWords.decode(hostile, new DefectLog()));

        assertThat(decoded).isEqualTo(hostile);
    }
}
