package com.postwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.postwarden.smtp.testing.SmtpTestClient;
import com.postwarden.smtp.testing.TestConfig;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Spam scoring in the running gateway, GreenMail as the next hop. */
class GatewaySpamTest {
    @RegisterExtension
    static final GreenMailExtension NEXT_HOP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));
    /** SpamAssassin's test string, assembled here so that no file of the repository holds it whole. */
    private static final String GTUBE = String.join("", "XJS*C4JDBQADN1.NSBN3*2IDNEN*", "GTUBE-STANDARD-ANTI-UBE-",
            "TEST-EMAIL*C.34X");

    @TempDir
    Path dir;

    private Gateway gateway;

    @BeforeEach
    void start() throws IOException {
        gateway = new Gateway(TestConfig.parse("smtp:\n  listen: 127.0.0.1:0\n  hostname: gw.test\n  nextHop: 127.0.0.1:"
                + NEXT_HOP.getSmtp().getPort() + "\n  relayDomains: [example.com]\ndataDir: " + dir.resolve("var")
                + "\nscan:\n  enabled: false\n"));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    private String send(String subject, String body) throws IOException {
        byte[] message = ("From: Alice <a@example.net>\r\nTo: b@example.com\r\nSubject: " + subject
                + "\r\nDate: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <20261122.1@example.net>\r\n\r\n" + body
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (SmtpTestClient client = SmtpTestClient.connect(gateway.port())) {
            client.expect("220");
            client.send("EHLO client.test").expect("250 ");
            return client.sendMessage("a@example.net", List.of("b@example.com"), message);
        }
    }

    @Test
    void spamIsDeliveredMarkedAndWithItsSubjectTagged() throws Exception {
        assertThat(send("Hello", "This is " + GTUBE + " for you.")).startsWith("250 2.0.0");
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = NEXT_HOP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("[SPAM] Hello");
        assertThat(received.getHeader("X-Spam-Flag")).containsExactly("YES");
        assertThat(received.getHeader("X-Spam-Status")[0]).startsWith("Yes, score=").contains("required=5.0")
                .contains("GTUBE");
        assertThat(Double.parseDouble(received.getHeader("X-Spam-Score")[0])).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void ordinaryMailIsMarkedAsHamAndLeftAlone() throws Exception {
        assertThat(send("Lunch", "See you at noon at the usual place.")).startsWith("250 2.0.0");
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = NEXT_HOP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Lunch");
        assertThat(received.getHeader("X-Spam-Flag")).isNull();
        assertThat(received.getHeader("X-Spam-Status")[0]).startsWith("No, score=");
    }
}
