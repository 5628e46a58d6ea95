package com.postwarden.smtp.relay;

import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.policies.config.TlsMode;
import com.postwarden.smtp.testing.RecordedSession;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import com.postwarden.smtp.testing.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** STARTTLS (RFC 3207) as each {@link TlsMode} demands. */
class RelayClientTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path directory;
    static TestCertificates localhost;
    static TestCertificates otherHost;

    @BeforeAll
    static void makeCertificates() {
        localhost = TestCertificates.generate(directory);
        otherHost = TestCertificates.generate(directory, "mx.example.net", List.of("dns:mx.example.net"));
    }

    @Test
    void opportunisticTlsIsUsedWhenTheNextHopOffersIt() {
        try (ScriptedSmtpServer server = SmtpScript.builder().startTls(localhost.serverSslContext()).start()) {
            RelayResult result = send(server, TestOutbound.settings().tls(TlsMode.OPPORTUNISTIC).build());

            assertThat(result.allAccepted()).as(result.toString()).isTrue();
            assertThat(server.awaitMessages(1, WAIT).get(0).tls()).isTrue();
            assertThat(server.sessions().get(0).verbs()).startsWith("EHLO", "STARTTLS", "EHLO", "MAIL");
        }
    }

    @Test
    void opportunisticTlsFallsBackToPlainTextWhenTheNextHopDoesNotOfferIt() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            RelayResult result = send(server, TestOutbound.settings().tls(TlsMode.OPPORTUNISTIC).build());

            assertThat(result.allAccepted()).isTrue();
            assertThat(server.messages().get(0).tls()).isFalse();
        }
    }

    @Test
    void withTlsOffStartTlsIsNeverSent() {
        try (ScriptedSmtpServer server = SmtpScript.builder().startTls(localhost.serverSslContext()).start()) {
            RelayResult result = send(server, TestOutbound.settings().tls(TlsMode.OFF).build());

            assertThat(result.allAccepted()).isTrue();
            assertThat(server.sessions().get(0).verbs()).doesNotContain("STARTTLS");
        }
    }

    @Test
    void requiredTlsWithANextHopThatDoesNotOfferItIsATemporaryFailureAndNothingIsSent() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            RelayResult result = send(server, TestOutbound.settings().tls(TlsMode.REQUIRED).build());

            assertThat(result.finalReply().code()).isEqualTo(451);
            assertThat(result.finalReply().enhanced()).isEqualTo("4.7.5");
            assertThat(result.recipients()).allSatisfy(r -> assertThat(r.transientFailure()).isTrue());
            assertNothingSent(server);
        }
    }

    @Test
    void requiredTlsWithACertificateTheJdkDoesNotTrustIsATemporaryFailureAndNothingIsSent() {
        try (ScriptedSmtpServer server = SmtpScript.builder().startTls(localhost.serverSslContext()).start()) {
            RelayResult result = send(server, TestOutbound.settings().tls(TlsMode.REQUIRED).build());

            assertThat(result.finalReply()).hasToString("451 4.7.5 TLS with next hop " + server.address() + " failed");
            assertNothingSent(server);
        }
    }

    @Test
    void requiredTlsWithATrustedCertificateForAnotherHostIsATemporaryFailure() {
        try (ScriptedSmtpServer server = SmtpScript.builder().startTls(otherHost.serverSslContext()).start()) {
            OutboundSettings settings = TestOutbound.settings().tls(TlsMode.REQUIRED)
                    .trusting(otherHost.certificate()).build();

            RelayResult result = send(server, settings);

            assertThat(result.finalReply().enhanced()).isEqualTo("4.7.5");
            assertNothingSent(server);
        }
    }

    @Test
    void requiredTlsWithTheNextHopsCertificateTrustedDeliversOverTls() {
        try (ScriptedSmtpServer server = SmtpScript.builder().startTls(localhost.serverSslContext()).start()) {
            OutboundSettings settings = TestOutbound.settings().tls(TlsMode.REQUIRED)
                    .trusting(localhost.certificate()).build();

            RelayResult result = send(server, settings);

            assertThat(result.allAccepted()).as(result.toString()).isTrue();
            assertThat(server.awaitMessages(1, WAIT).get(0).tls()).isTrue();
        }
    }

    @Test
    void aReusedTlsSessionStaysEncrypted() {
        try (ScriptedSmtpServer server = SmtpScript.builder().startTls(localhost.serverSslContext()).start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().tls(TlsMode.REQUIRED)
                     .trusting(localhost.certificate()).build(), "relay.test")) {
            client.send(TestRequests.to("a@example.com"));
            client.send(TestRequests.to("b@example.com"));

            assertThat(server.connectionsAccepted()).isEqualTo(1);
            assertThat(server.awaitMessages(2, WAIT)).allSatisfy(m -> assertThat(m.tls()).isTrue());
        }
    }

    private static void assertNothingSent(ScriptedSmtpServer server) {
        server.awaitConnectionsClosed(1, WAIT);
        RecordedSession session = server.sessions().get(0);
        assertThat(session.verbs()).doesNotContain("MAIL", "RCPT", "DATA");
        assertThat(server.messages()).isEmpty();
    }

    private static RelayResult send(ScriptedSmtpServer server, OutboundSettings settings) {
        try (RelayClient client = new RelayClient(server.address(), settings, "relay.test")) {
            return client.send(TestRequests.to("a@example.com"));
        }
    }
}
