package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.policies.config.DataSize;
import org.junit.jupiter.api.Test;

class MimeLimitsTest {
    @Test
    void defaultsSuitOrdinaryMail() {
        MimeLimits limits = MimeLimits.defaults();

        assertThat(limits.maxDepth()).isEqualTo(20);
        assertThat(limits.maxParts()).isEqualTo(1000);
        assertThat(limits.maxTextPerPart()).isEqualTo(DataSize.ofMegabytes(1));
    }

    @Test
    void anInvalidValueIsRejectedNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> MimeLimits.defaults().withMaxDepth(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDepth must be at least 1, was 0");
        assertThatThrownBy(() -> MimeLimits.defaults().withText(DataSize.ofBytes(Integer.MAX_VALUE), DataSize.ofBytes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxTextPerPart must be between 0 and");
        assertThatThrownBy(() -> new MimeLimits(20, 1000, 500, 10_000, DataSize.ofBytes(10),
                DataSize.ofMegabytes(1), DataSize.ofMegabytes(4)))
                .hasMessage("maxHeaderFieldSize must be between 1KB and 2147483647, was 10");
    }

    @Test
    void onlyStructuralLimitsEndParsing() {
        assertThat(MimeLimits.Limit.values()).filteredOn(MimeLimits.Limit::endsParsing).containsExactly(
                MimeLimits.Limit.DEPTH, MimeLimits.Limit.PARTS, MimeLimits.Limit.HEADER_COUNT,
                MimeLimits.Limit.HEADER_LINE_LENGTH, MimeLimits.Limit.HEADER_FIELD_SIZE);
    }
}
