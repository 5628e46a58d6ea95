package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGHUP as docs/configuration.md describes it: a valid file applies to the next transaction without dropping
 * connections; an invalid one is logged with file, line and key, and the running settings stay.
 *
 * <p>The test's client (127.0.0.1) is kept out of {@code trustedNetworks}, so the relay decision depends on
 * {@code relayDomains} alone, as it does for an untrusted client on the Internet.
 */
@Timeout(120)
class GatewayReloadIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RELOADED = "configuration reloaded from ";
    private static final String REFUSED = "reload refused, the running configuration stays: ";

    @Test
    void sighupChangesRelayDomainsOnAnOpenConnectionAndAnInvalidFileKeepsTheRunningSettings() throws Exception {
        try (SmtpSink nextHop = SmtpSink.started();
                GatewayProcess gateway = GatewayProcess.builder()
                        .nextHop(nextHop.port())
                        .trustedNetworks("192.0.2.0/24")
                        .relayDomains("a.test")
                        .start();
                SmtpDialogue smtp = SmtpDialogue.open(gateway.port())) {
            assertThat(smtp.greeting().code()).isEqualTo(220);
            assertThat(smtp.send("EHLO client.postwarden.test").text())
                    .as("no XFORWARD for an untrusted client").doesNotContain("XFORWARD");
            assertRelay(smtp, "a.test", "b.test");

            gateway.writeConfig(gateway.configText().replace("relayDomains: [\"a.test\"]",
                    "relayDomains: [\"b.test\"]"));
            gateway.sighup();
            gateway.awaitLogLine(RELOADED + gateway.configFile(), WAIT);

            assertRelay(smtp, "b.test", "a.test");
            TestMail mail = TestMail.builder().to("carol@b.test").subject("after the reload").build();
            assertThat(smtp.send("MAIL FROM:<" + mail.envelopeSender() + ">").code()).isEqualTo(250);
            assertThat(smtp.send("RCPT TO:<carol@b.test>").code()).isEqualTo(250);
            assertThat(smtp.send("DATA").code()).isEqualTo(354);
            assertThat(smtp.sendData(mail.content()).text()).startsWith("250 2.0.0 Ok: ");
            nextHop.awaitMessageIds(List.of(mail.messageId()), WAIT);

            String valid = gateway.configText();
            gateway.writeConfig(valid.replace("relayDomains: [\"b.test\"]", "relayDomains: [\"c.test\"]")
                    .replace("shutdownTimeout: ", "shutdownTimeout: soon # was "));
            int brokenLine = gateway.configLineOf("shutdownTimeout: soon");
            gateway.sighup();
            String refusal = gateway.awaitLogLine(REFUSED, WAIT);

            assertThat(refusal).contains(REFUSED + gateway.configFile() + ":" + brokenLine + ": shutdownTimeout: ");
            assertThat(gateway.logLines(RELOADED)).as("the invalid file was not applied").hasSize(1);
            assertRelay(smtp, "b.test", "c.test");
            assertThat(gateway.isAlive()).isTrue();
            try (SmtpDialogue second = SmtpDialogue.open(gateway.port())) {
                assertThat(second.send("EHLO second.postwarden.test").code()).isEqualTo(250);
                assertRelay(second, "b.test", "a.test");
            }
            assertThat(smtp.send("QUIT").code()).as("the first connection is still open").isEqualTo(221);
        }
    }

    /** In one transaction: a recipient in {@code allowed} is accepted, one in {@code denied} gets 554 5.7.1. */
    private static void assertRelay(SmtpDialogue smtp, String allowed, String denied) throws Exception {
        assertThat(smtp.send("MAIL FROM:<alice@example.net>").code()).isEqualTo(250);
        assertThat(smtp.send("RCPT TO:<bob@" + allowed + ">").text()).startsWith("250 ");
        assertThat(smtp.send("RCPT TO:<bob@" + denied + ">").text()).startsWith("554 5.7.1 ");
        assertThat(smtp.send("RSET").code()).isEqualTo(250);
    }
}
