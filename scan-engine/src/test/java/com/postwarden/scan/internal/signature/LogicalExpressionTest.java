package com.postwarden.scan.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogicalExpressionTest {

    /** Counts are written as "c0 c1 c2 ..." for subsignatures 0, 1, 2... */
    @ParameterizedTest(name = "{0} with counts [{1}] is {2}")
    @CsvSource({
        "0, 1, true", "0, 0, false",
        "0&1, 1 1, true", "0&1, 1 0, false",
        "0|1, 0 3, true", "0|1, 0 0, false",
        "(0|1)&2, 0 1 1, true", "(0|1)&2, 1 1 0, false",
        "0&1|2, 1 0 1, true", "0&1|2, 0 0 1, false",
        "0>2, 3, true", "0>2, 2, false",
        "0=1, 1, true", "0=1, 2, false",
        "0=0, 0, true", "0&1=0, 1 0, true", "0&1=0, 1 1, false",
        "0=1;2, 1, true",
        "0<3, 2, true", "0<3, 3, false", "0<3, 0, true",
        "(0|1|2)>5, 3 3 0, true", "(0|1|2)>5, 5 0 1, true", "(0|1|2)>5, 2 2 1, false",
        "(0|1|2)>5;2, 6 0 0, false", "(0|1|2)>5;2, 5 1 0, true",
        "(0|1|2)=2;2, 1 1 0, true", "(0|1|2)=2;2, 2 0 0, false",
        "((0|1)>1)&2, 1 1 1, true", "((0|1)>1)&2, 2 0 0, false",
        "(0|1)=0, 0 0, true", "(0|1)=0, 0 1, false",
        "(0&1)>3, 2 2, true", "(0&1)>3, 5 0, false"})
    void evaluatesLikeClamav(String text, String counts, boolean expected) throws Exception {
        String[] values = counts.split(" ");
        int[] array = new int[values.length + 2];
        for (int i = 0; i < values.length; i++) {
            array[i + 2] = Integer.parseInt(values[i]);
        }
        LogicalExpression expression = LogicalExpression.parse(text.replace(';', ','));

        assertThat(expression.evaluate(array, 2)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '~', value = {"0&~malformed logical expression", "(0|1~malformed logical expression",
        "0|1)~malformed logical expression", "x~malformed logical expression", "0>~malformed logical expression",
        "64~logical expression number out of range", "''~malformed logical expression",
        "0=99999999999~logical expression number out of range", "0 & 1~malformed logical expression"})
    void malformedExpressionsAreRejected(String text, String reason) {
        assertThatThrownBy(() -> LogicalExpression.parse(text)).isInstanceOf(SignatureFormatException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest(name = "{0} names up to {1}")
    @CsvSource({"0, 0", "(0|3)&1, 3", "((2|7)>1;2)&1, 7"})
    void reportsTheHighestSubsignature(String text, int max) throws Exception {
        assertThat(LogicalExpression.parse(text.replace(';', ',')).maxIndex()).isEqualTo(max);
    }

    @org.junit.jupiter.api.Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(500) + "0" + ")".repeat(500);

        assertThatThrownBy(() -> LogicalExpression.parse(deep)).hasMessage("logical expression nested too deeply");
    }
}
