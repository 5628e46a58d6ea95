package com.postwarden.smtp.relay;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.postwarden.policies.config.HostPort;
import com.postwarden.smtp.spool.MessageContent;
import com.postwarden.smtp.testing.ReceivedMessage;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages reach the next hop byte for byte: GreenMail as a real server, the scripted server to see the bytes. */
class RelayClientDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @Test
    void aMessageArrivesAtGreenMailForEveryRecipientWithItsBytesUnchanged() throws Exception {
        byte[] content = ("From: sender@example.org\r\nTo: a@example.com, b@example.com\r\nSubject: hello\r\n\r\n"
                + ".leading dot\r\n..two dots\r\nplain line\r\n").getBytes(StandardCharsets.US_ASCII);

        RelayResult result;
        try (RelayClient client = new RelayClient(greenMailAddress(), TestOutbound.settings().build(), "relay.test")) {
            result = client.send(TestRequests.request(content, "a@example.com", "b@example.com", "c@example.net"));
        }

        assertThat(result.allAccepted()).isTrue();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 3)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        for (MimeMessage message : received) {
            assertThat(withoutTraceHeaders(message)).isEqualTo(content);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contents")
    void theNextHopReceivesExactlyTheBytesOfTheMessage(String description, byte[] content, byte[] expected) {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            RelayResult result = client.send(TestRequests.request(content, "rcpt@example.com"));

            assertThat(result.allAccepted()).as(result.toString()).isTrue();
            assertThat(server.awaitMessages(1, WAIT).get(0).bytes()).isEqualTo(expected);
        }
    }

    static Stream<Arguments> contents() {
        String longLine = "x".repeat(5_000);
        byte[] eightBit = concat("Subject: caf\u00e9\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0x80, 0, 'z', '\r', '\n'});
        return Stream.of(
                same("lines that start with dots", "A: b\r\n\r\n.\r\n..\r\n.x\r\n...y\r\nend.\r\n"),
                same("a dot after a bare LF", "A: b\r\n\r\nline\n.hidden\n.\r\nmore\r\n"),
                same("a dot after a bare CR is not a line start", "A: b\r\n\r\nline\r.x\r\n"),
                same("a first line that starts with a dot", ".A: b\r\n\r\nbody\r\n"),
                Arguments.of("8-bit and NUL bytes", eightBit, eightBit),
                same("a 5,000-character line", "A: b\r\n\r\n" + longLine + "\r\n." + longLine + "\r\n"),
                Arguments.of("no final CRLF", bytes("A: b\r\n\r\nno end"), bytes("A: b\r\n\r\nno end\r\n")),
                Arguments.of("a final bare LF", bytes("A: b\r\n\r\nbare\n"), bytes("A: b\r\n\r\nbare\n\r\n")),
                same("an empty message", ""));
    }

    @Test
    void aTwentyMegabyteMessageIsStreamedToTheNextHopWhileItIsRead() {
        AtomicLong receivedWhenReadToTheEnd = new AtomicLong();
        SmtpScript script = SmtpScript.builder().receiveBufferSize(128 * 1024).recordLimit(0).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script);
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            long size = 22 + 997L * 21_034;
            GeneratedContent content = new GeneratedContent(size,
                    end -> receivedWhenReadToTheEnd.compareAndSet(0, server.bytesReceived()));

            RelayResult result = client.send(new RelayRequest("a@example.org", List.of("b@example.com"), content,
                    true));

            assertThat(result.allAccepted()).as(result.toString()).isTrue();
            ReceivedMessage message = server.awaitMessages(1, WAIT).get(0);
            assertThat(message.size()).isEqualTo(size);
            assertThat(message.sha256()).isEqualTo(content.sha256());
            assertThat(message.mailParameters()).isEqualTo("SIZE=" + size + " BODY=8BITMIME");
            // a client that read the whole message before sending would have sent no data by then; with a small
            // receive buffer at most a few MB can be in flight
            assertThat(receivedWhenReadToTheEnd.get()).isGreaterThan(size / 2);
        }
    }

    @Test
    void eightBitMimeIsDeclaredOnlyWhenTheNextHopSupportsIt() {
        MessageContent content = MessageContent.of("A: b\r\n\r\ncaf\u00e9\r\n".getBytes(StandardCharsets.UTF_8));
        RelayRequest request = new RelayRequest("a@example.org", List.of("b@example.com"), content, true);
        try (ScriptedSmtpServer server = SmtpScript.builder().withoutEightBitMime().withoutSize().start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            assertThat(client.send(request).allAccepted()).isTrue();

            assertThat(server.awaitMessages(1, WAIT).get(0).mailParameters()).isEmpty();
        }
    }

    private static HostPort greenMailAddress() {
        return new HostPort("127.0.0.1", greenMail.getSmtp().getPort());
    }

    /**
     * GreenMail adds Return-Path and Received, and keeps the data without the CRLF before the terminating dot;
     * the rest is what it received.
     */
    private static byte[] withoutTraceHeaders(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String text = out.toString(StandardCharsets.ISO_8859_1);
        while (text.startsWith("Return-Path:") || text.startsWith("Received:")) {
            text = text.substring(text.indexOf("\r\n") + 2);
        }
        return (text + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Arguments same(String description, String content) {
        return Arguments.of(description, bytes(content), bytes(content));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
