package com.postwarden.scan.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies of ICAP antivirus services, as bytes, read into verdicts. */
class IcapResponseReaderTest {

    private static final byte[] OBJECT = "hello".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "X-Infection-Found: Type=0; Resolution=2; Threat=Win.Test.EICAR_HDB-1; | Win.Test.EICAR_HDB-1",
        "X-Virus-ID: EICAR_TEST_FILE | EICAR_TEST_FILE",
        "X-Infection-Found: Type=0; Resolution=2; | ICAP.Blocked",
    })
    void aThreatHeaderNamesTheDetection(String header, String name) throws IOException {
        String reply = "ICAP/1.0 200 OK\r\nISTag: \"x\"\r\n" + header + "\r\n"
                + "Encapsulated: res-hdr=0, null-body=19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n";
        assertThat(verdict(reply)).isEqualTo(new ExternalResult.Infected(name));
    }

    @Test
    void theThreatOfAFoldedViolationsHeaderIsItsThirdLine() throws IOException {
        String reply = "ICAP/1.0 200 OK\r\nX-Violations-Found: 1\r\n\t-\r\n\tEicar-Test-Signature\r\n\t0\r\n\t0\r\n"
                + "Encapsulated: res-hdr=0, null-body=19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n";
        assertThat(verdict(reply)).isEqualTo(new ExternalResult.Infected("Eicar-Test-Signature"));
    }

    @Test
    void aBlockPageWithoutANameIsBlocked() throws IOException {
        String reply = "ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=26\r\n\r\n"
                + "HTTP/1.1 403 Forbidden\r\n\r\n" + "7\r\nblocked\r\n0\r\n\r\n";
        assertThat(verdict(reply)).isEqualTo(new ExternalResult.Infected(IcapVerdict.BLOCKED));
    }

    @Test
    void aReplyReturningTheObjectUnchangedIsClean() throws IOException {
        String reply = "ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=19\r\n\r\n"
                + "HTTP/1.1 200 OK\r\n\r\n" + "3\r\nhel\r\n2; x=y\r\nlo\r\n0\r\n\r\n";
        assertThat(verdict(reply)).isEqualTo(ExternalResult.clean());
    }

    @Test
    void aReplyReturningAnotherObjectIsADetection() throws IOException {
        String reply = "ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=19\r\n\r\n"
                + "HTTP/1.1 200 OK\r\n\r\n" + "5\r\nHELLO\r\n0\r\n\r\n";
        assertThat(verdict(reply)).isEqualTo(new ExternalResult.Infected(IcapVerdict.MODIFIED));
    }

    @ParameterizedTest
    @CsvSource({"204, Clean", "500, Failed", "404, Failed", "400, Failed"})
    void theStatusDecidesWithoutABody(int status, String kind) throws IOException {
        String reply = "ICAP/1.0 " + status + " Something\r\nISTag: \"x\"\r\nEncapsulated: null-body=0\r\n\r\n";
        assertThat(verdict(reply).getClass().getSimpleName()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "HTTP/1.1 200 OK\r\n\r\n",
        "ICAP/1.0 2x4 No\r\n\r\n",
        "ICAP/1.0 200 OK\r\nEncapsulated: res-body=0\r\n\r\nzz\r\n",
        "ICAP/1.0 200 OK\r\nEncapsulated: res-body=0\r\n\r\nffffffff\r\n",
        "ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=10, res-body=5\r\n\r\n",
        "ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=99999999\r\n\r\n",
        "ICAP/1.0 200 OK\r\nEncapsulated: res-body=0, res-hdr=5\r\n\r\n",
        "ICAP/1.0 200 OK\r\nno colon here\r\n\r\n",
        "ICAP/1.0 200 OK\r\nEncapsulated: res-hdr=0, res-body=19\r\n\r\nHTTP/1.1 200 OK\r\n\r\n5\r\nhel",
    })
    void aMalformedOrTruncatedReplyIsAnIoException(String reply) {
        assertThatThrownBy(() -> verdict(reply)).isInstanceOf(IOException.class);
    }

    private static ExternalResult verdict(String reply) throws IOException {
        IcapResponse response = new IcapResponseReader(
                new ByteArrayInputStream(reply.getBytes(StandardCharsets.ISO_8859_1)), 1 << 20).read();
        return IcapVerdict.of(response, OBJECT.length, Sha256.newDigest().digest(OBJECT), "icap:test");
    }
}
