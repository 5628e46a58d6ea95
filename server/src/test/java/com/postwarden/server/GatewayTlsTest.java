package com.postwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.smtp.testing.ReceivedMessage;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import com.postwarden.smtp.testing.SmtpTestClient;
import com.postwarden.smtp.testing.TestCertificates;
import com.postwarden.smtp.testing.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS on both sides of the gateway, with certificates generated for the test. */
class GatewayTlsTest {
    @TempDir
    Path dir;

    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    @Test
    void mailArrivesOverTlsAndLeavesOverVerifiedTls() throws Exception {
        TestCertificates inbound = TestCertificates.generate(dir.resolve("in"));
        TestCertificates outbound = TestCertificates.generate(dir.resolve("out"));
        try (ScriptedSmtpServer nextHop = SmtpScript.builder().startTls(outbound.serverSslContext()).start()) {
            gateway = new Gateway(TestConfig.parse("""
                    smtp:
                      listen: 127.0.0.1:0
                      hostname: gw.test
                      nextHop: 127.0.0.1:%d
                      tls:
                        certificate: %s
                        key: %s
                      outbound:
                        tls: required
                        trustedCertificates: %s
                    dataDir: %s
                    scan:
                      enabled: false
                    """.formatted(nextHop.port(), inbound.certificate(), inbound.privateKey(),
                    outbound.certificate(), dir.resolve("var"))));
            gateway.start();
            try (SmtpTestClient client = SmtpTestClient.connect(gateway.port())) {
                client.expect("220");
                assertThat(client.send("EHLO client.test").expect("250 ")).contains("250-STARTTLS");
                client.send("STARTTLS").expect("220");
                client.startTls(inbound.clientSslContext());
                assertThat(client.send("EHLO client.test").expect("250 ")).doesNotContain("250-STARTTLS");
                assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                        "Subject: tls\r\n\r\nsecret\r\n".getBytes())).startsWith("250");
            }
            ReceivedMessage relayed = nextHop.awaitMessages(1, Duration.ofSeconds(10)).get(0);
            assertThat(relayed.tls()).as("relayed over TLS").isTrue();
            assertThat(relayed.text()).contains("with ESMTPS id");
        }
    }

    @Test
    void requiredTlsToANextHopWithoutItMeans451() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder().start()) {
            gateway = new Gateway(TestConfig.parse("""
                    smtp:
                      listen: 127.0.0.1:0
                      nextHop: 127.0.0.1:%d
                      outbound:
                        tls: required
                    dataDir: %s
                    scan:
                      enabled: false
                    """.formatted(nextHop.port(), dir.resolve("var"))));
            gateway.start();
            try (SmtpTestClient client = SmtpTestClient.connect(gateway.port())) {
                client.expect("220");
                client.send("EHLO client.test").expect("250 ");
                assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                        "Subject: x\r\n\r\ny\r\n".getBytes())).startsWith("451 4.7");
            }
            assertThat(nextHop.messages()).isEmpty();
        }
    }
}
