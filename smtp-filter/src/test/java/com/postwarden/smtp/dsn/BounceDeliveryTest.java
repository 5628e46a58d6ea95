package com.postwarden.smtp.dsn;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.postwarden.policies.config.HostPort;
import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.policies.config.TlsMode;
import com.postwarden.smtp.relay.RecipientResult;
import com.postwarden.smtp.relay.RelayClient;
import com.postwarden.smtp.relay.RelayRequest;
import com.postwarden.smtp.relay.RelayResult;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.MessageContent;
import com.postwarden.smtp.testing.ReceivedMessage;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A bounce travels through the relay client like any message, from the null sender. */
class BounceDeliveryTest {
    private static final OutboundSettings PLAIN = new OutboundSettings(TlsMode.OFF, Optional.empty(),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), 2, Duration.ofMinutes(1));

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @Test
    void aBounceArrivesWithTheNullSenderAndAsWritten() throws Exception {
        DeliveryStatusNotification bounce = bounce();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             RelayClient client = new RelayClient(server.address(), PLAIN, "gateway.example.com")) {
            RelayResult result = client.send(bounce.relayRequest());

            assertThat(result.allAccepted()).as(result.toString()).isTrue();
            ReceivedMessage received = server.awaitMessages(1, Duration.ofSeconds(10)).get(0);
            assertThat(received.sender()).isEmpty();
            assertThat(server.sessions().get(0).commandLines()).contains("MAIL FROM:<> SIZE=" + bounce.content().size());
            assertThat(received.recipients()).containsExactly("alice@example.org");
            assertThat(received.bytes()).isEqualTo(bounce.content().openStream().readAllBytes());
        }
    }

    @Test
    void greenMailReadsTheBounceAsAMultipartReport() throws Exception {
        DeliveryStatusNotification bounce = bounce();
        // GreenMail 2.1.13 does not take the null sender: after MAIL FROM:<> it answers RCPT with
        // "503 MAIL must come before RCPT". So here the bounce goes out with a sender; the null sender itself is
        // shown against the scripted server above.
        RelayRequest request = new RelayRequest("postmaster@gateway.example.com",
                List.of(bounce.recipient()), bounce.content(), bounce.eightBit());
        try (RelayClient client = new RelayClient(new HostPort("127.0.0.1", greenMail.getSmtp().getPort()), PLAIN,
                "gateway.example.com")) {
            assertThat(client.send(request).allAccepted()).isTrue();
        }

        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getContentType()).contains("multipart/report")
                .contains("report-type=delivery-status");
    }

    private static DeliveryStatusNotification bounce() throws Exception {
        MessageContent original = MessageContent.of(
                "From: alice@example.org\r\nSubject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        UndeliveredMessage undelivered = new UndeliveredMessage("alice@example.org", Instant.now(), original,
                new HostPort("127.0.0.1", 10026),
                List.of(new RecipientResult("bob@example.com", SmtpReply.of(550, "5.1.1", "no such user"))));
        return new DeliveryStatusNotifications("gateway.example.com", Clock.systemUTC()).bounce(undelivered)
                .orElseThrow();
    }
}
