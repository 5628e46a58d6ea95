package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.DemoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scanning in the real deployment: Postfix hands mail to the gateway process (with the distribution's demo
 * signature database), clean mail reaches the destination marked clean, mail carrying the EICAR test file is
 * refused with 554 5.7.1 naming the signature and never reaches it.
 */
@Timeout(180)
class ScanEndToEndIT {
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Test
    void cleanMailIsDeliveredMarkedAndInfectedMailIsRefusedNamingTheSignature() throws Exception {
        int gatewayPort = LocalPorts.freePort();
        try (SmtpSink destination = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder()
                        .relayTo(destination.port())
                        .contentFilter(gatewayPort)
                        .build();
                GatewayProcess gateway = GatewayProcess.builder()
                        .listenPort(gatewayPort)
                        .nextHop(postfix.reinjectPort())
                        .start()) {
            postfix.start();
            TestMail clean = TestMail.builder().subject("quarterly figures").body("nothing to see\r\n").build();
            TestMail infected = withAttachment("invoice.com", DemoDatabase.eicar());
            MailInjector.to(postfix.smtpPort()).send(List.of(clean, infected));

            destination.awaitMessageIds(List.of(clean.messageId()), DELIVERY);
            postfix.awaitEmptyQueue(DELIVERY);

            String delivered = new String(destination.messages().stream()
                    .filter(m -> m.messageId().orElse("").equals(clean.messageId())).findFirst().orElseThrow()
                    .content(), StandardCharsets.UTF_8);
            assertThat(delivered).contains("\r\nX-Postwarden-Virus: clean\r\n");
            assertThat(destination.countsByMessageId()).doesNotContainKey(infected.messageId());
            // Postfix's bounce quotes the message, so it is refused again: at least one refusal, each naming EICAR
            assertThat(gateway.logLines("outcome=rejected")).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("Eicar-Test-Signature"))
                    .anySatisfy(line -> assertThat(line).contains("!invoice.com"));
            assertThat(postfix.maillog()).as("Postfix got the refusal for the infected message")
                    .contains("554 5.7.1").contains("virus found: Eicar-Test-Signature");
        }
    }

    private static TestMail withAttachment(String filename, byte[] attachment) {
        String id = TestMail.uniqueMessageId();
        String text = "From: " + TestMail.DEFAULT_SENDER + "\r\n"
                + "To: " + TestMail.DEFAULT_RECIPIENT + "\r\n"
                + "Subject: your invoice\r\n"
                + "Message-ID: " + id + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "See the attachment.\r\n"
                + "--b1\r\n"
                + "Content-Type: application/octet-stream; name=\"" + filename + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n"
                + "--b1--\r\n";
        return TestMail.raw(TestMail.DEFAULT_SENDER, List.of(TestMail.DEFAULT_RECIPIENT),
                text.getBytes(StandardCharsets.US_ASCII));
    }
}
