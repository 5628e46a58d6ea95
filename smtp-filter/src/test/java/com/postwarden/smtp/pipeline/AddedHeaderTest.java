package com.postwarden.smtp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddedHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "folded\r\n\tline", "folded\r\n space", ""})
    void foldedValuesAreAccepted(String value) {
        assertThat(new AddedHeader("X-Test", value).toBytes()).endsWith('\r', '\n');
    }

    @ParameterizedTest
    @ValueSource(strings = {"bare\nLF", "bare\rCR", "ends\r\n", "new\r\nField: x", "trailing\r"})
    void aValueThatCouldStartAFieldOrEndTheHeaderIsRefused(String value) {
        assertThatThrownBy(() -> new AddedHeader("X-Test", value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Test", "X:Test", "Ünicode"})
    void invalidNamesAreRefused(String name) {
        assertThatThrownBy(() -> new AddedHeader(name, "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
