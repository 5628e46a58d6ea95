package com.postwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.postwarden.smtp.testing.SmtpTestClient;
import com.postwarden.smtp.testing.TestConfig;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GreenMail, an independent SMTP implementation, as the next hop. */
class GatewayGreenMailTest {
    @RegisterExtension
    static final GreenMailExtension NEXT_HOP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    @TempDir
    Path dataDir;

    private Gateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    @Test
    void aMultipartMessageArrivesIntactWithTheGatewaysHeaders() throws Exception {
        gateway = new Gateway(TestConfig.parse("smtp:\n  listen: 127.0.0.1:0\n  hostname: gw.test\n  nextHop: 127.0.0.1:"
                + NEXT_HOP.getSmtp().getPort() + "\n  relayDomains: [example.com]\ndataDir: " + dataDir
                + "\nscan:\n  enabled: false\n"));
        gateway.start();
        String message = """
                From: Alice <a@example.net>\r
                To: b@example.com\r
                Subject: =?UTF-8?B?UmVwb3J0IOKCrA==?=\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                See attached.\r
                --b1\r
                Content-Type: application/pdf; name="r.pdf"\r
                Content-Transfer-Encoding: base64\r
                Content-Disposition: attachment; filename="r.pdf"\r
                \r
                JVBERi0xLjQKJcfsj6IK\r
                --b1--\r
                """;
        try (SmtpTestClient client = SmtpTestClient.connect(gateway.port())) {
            client.expect("220");
            client.send("EHLO client.test").expect("250 ");
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"), message.getBytes()))
                    .startsWith("250 2.0.0");
        }
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = NEXT_HOP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Report €");
        assertThat(received.getHeader("X-Postwarden-Status")[0]).startsWith("passed; id=");
        assertThat(received.getHeader("Received")).anyMatch(r -> r.contains("by gw.test (Postwarden) with ESMTP"));
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("r.pdf");
    }
}
