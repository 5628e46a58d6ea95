package com.postwarden.scan.external;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClamdReplyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "stream: Win.Test.EICAR_HDB-1 FOUND | Win.Test.EICAR_HDB-1",
        "stream: Eicar-Signature(44d88612fea8a8f36de82e1278abb02f:68) FOUND | Eicar-Signature",
        "stream: Heuristics.Encrypted.Zip FOUND | Heuristics.Encrypted.Zip",
    })
    void aFoundReplyNamesTheDetection(String reply, String name) {
        assertThat(ClamdReply.parse(reply, true)).isEqualTo(new ExternalResult.Infected(name));
    }

    @Test
    void okIsCleanOnlyAfterTheWholeObject() {
        assertThat(ClamdReply.parse("stream: OK", true)).isEqualTo(ExternalResult.clean());
        assertThat(ClamdReply.parse("stream: OK", false)).isInstanceOf(ExternalResult.Failed.class);
    }

    @Test
    void theSizeLimitErrorMeansNotScanned() {
        assertThat(ClamdReply.parse("INSTREAM size limit exceeded. ERROR", false))
                .isInstanceOf(ExternalResult.NotScanned.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "stream: Can't allocate memory ERROR", "UNKNOWN COMMAND", "", "stream:", "stream: FOUND\u0001\u0002",
        "COMMAND READ TIMED OUT", "PONG"})
    void anythingElseFails(String reply) {
        assertThat(ClamdReply.parse(reply, true)).isInstanceOfAny(ExternalResult.Failed.class,
                ExternalResult.Infected.class).isNotEqualTo(ExternalResult.clean());
    }
}
