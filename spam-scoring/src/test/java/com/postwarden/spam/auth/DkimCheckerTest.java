package com.postwarden.spam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.dns.DnsClient;
import com.postwarden.spam.dns.DnsSettings;
import com.postwarden.spam.dns.NsdServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkimCheckerTest {
    private static NsdServer dns;
    private static KeyPair key;
    private static DkimChecker dkim;

    @BeforeAll
    static void startDns() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        dns = NsdServer.start(AuthTestZone.build(key));
        dkim = new DkimChecker(DnsClient.create(dns.settings()));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @Test
    void aSignatureMadeWithThePublishedKeyPasses() throws Exception {
        String signed = TestMail.from("alice@bank.test").signed("bank.test", AuthTestZone.SELECTOR, key.getPrivate());

        DkimOutcome outcome = dkim.verify(bytes(signed));

        assertThat(outcome.signatures()).singleElement().satisfies(s -> {
            assertThat(s.verdict()).isEqualTo(DkimVerdict.PASS);
            assertThat(s.domain()).isEqualTo("bank.test");
            assertThat(s.selector()).isEqualTo(AuthTestZone.SELECTOR);
            assertThat(s.headerB()).hasSize(8);
        });
        assertThat(outcome.anyPassed()).isTrue();
    }

    @Test
    void aBodyChangedAfterSigningFails() throws Exception {
        String signed = TestMail.from("alice@bank.test").signed("bank.test", AuthTestZone.SELECTOR, key.getPrivate());
        String altered = signed.replace("the statement is attached", "send your password here");

        DkimOutcome outcome = dkim.verify(bytes(altered));

        assertThat(outcome.signatures()).singleElement()
                .satisfies(s -> assertThat(s.verdict()).isIn(DkimVerdict.FAIL, DkimVerdict.PERMERROR));
        assertThat(outcome.anyPassed()).isFalse();
    }

    @Test
    void aChangedSignedHeaderFails() throws Exception {
        String signed = TestMail.from("alice@bank.test").signed("bank.test", AuthTestZone.SELECTOR, key.getPrivate());

        DkimOutcome outcome = dkim.verify(bytes(signed.replace("Your statement", "Urgent: verify your account")));

        assertThat(outcome.anyPassed()).isFalse();
        assertThat(outcome.signed()).isTrue();
    }

    @Test
    void aSelectorWithNoKeyInDnsDoesNotPass() throws Exception {
        String signed = TestMail.from("alice@bank.test").signed("bank.test", "missing", key.getPrivate());

        DkimOutcome outcome = dkim.verify(bytes(signed));

        assertThat(outcome.signatures()).singleElement()
                .satisfies(s -> assertThat(s.verdict()).isIn(DkimVerdict.FAIL, DkimVerdict.PERMERROR));
    }

    @Test
    void aRevokedKeyDoesNotPass() throws Exception {
        String signed = TestMail.from("alice@bank.test").signed("bank.test", "revoked", key.getPrivate());

        DkimOutcome outcome = dkim.verify(bytes(signed));

        assertThat(outcome.signed()).isTrue();
        assertThat(outcome.anyPassed()).isFalse();
    }

    @Test
    void anUnsignedMessageHasNoSignatures() {
        assertThat(dkim.verify(bytes(TestMail.from("alice@bank.test").raw()))).isEqualTo(DkimOutcome.UNSIGNED);
    }

    @Test
    void aKeyServerThatDoesNotAnswerIsATemporaryError() throws Exception {
        DkimChecker unreachable = new DkimChecker(DnsClient.create(new DnsSettings(
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), SpfCheckerTest.deadPort())),
                Duration.ofMillis(300), 0, Duration.ofMinutes(1))));
        String signed = TestMail.from("alice@bank.test").signed("bank.test", AuthTestZone.SELECTOR, key.getPrivate());

        DkimOutcome outcome = unreachable.verify(bytes(signed));

        assertThat(outcome.temporaryFailure()).isTrue();
    }

    @Test
    void aMalformedSignatureFieldIsAFailureNotAnException() {
        String raw = "DKIM-Signature: v=1; garbage;;; ===\r\n" + TestMail.from("alice@bank.test").raw();

        DkimOutcome outcome = dkim.verify(bytes(raw));

        assertThat(outcome.anyPassed()).isFalse();
        assertThat(outcome.signed()).isTrue();
    }

    @Test
    void bytesThatAreNoMessageDoNotThrow() {
        assertThat(dkim.verify(new byte[] {0, (byte) 0xff, '\r', '\n', ':'}).anyPassed()).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
