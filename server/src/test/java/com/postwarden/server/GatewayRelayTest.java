package com.postwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.smtp.testing.ReceivedMessage;
import com.postwarden.smtp.testing.Response;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import com.postwarden.smtp.testing.SmtpTestClient;
import com.postwarden.smtp.testing.TestConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole gateway between a client and a scripted next hop: content, outcomes and the delivery rule. */
class GatewayRelayTest {
    @TempDir
    Path dataDir;

    private Gateway gateway;

    private int start(ScriptedSmtpServer nextHop, String... extraSmtpLines) throws Exception {
        return start(nextHop.port(), extraSmtpLines);
    }

    private int start(int nextHopPort, String... extraSmtpLines) throws Exception {
        StringBuilder yaml = new StringBuilder("smtp:\n  listen: 127.0.0.1:0\n  hostname: gw.test\n")
                .append("  nextHop: 127.0.0.1:").append(nextHopPort).append('\n')
                .append("  relayDomains: [example.com]\n  memorySpoolThreshold: 64KB\n");
        for (String line : extraSmtpLines) {
            yaml.append("  ").append(line).append('\n');
        }
        yaml.append("dataDir: ").append(dataDir).append('\n');
        yaml.append("scan:\n  enabled: false\nspam:\n  enabled: false\n"); // relay only; GatewayScanTest and GatewaySpamTest score
        GatewayConfig config = TestConfig.parse(yaml.toString());
        gateway = new Gateway(config);
        gateway.start();
        return gateway.port();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    private static SmtpTestClient ehlo(int port) throws Exception {
        SmtpTestClient client = SmtpTestClient.connect(port);
        client.expect("220");
        client.send("EHLO client.test").expect("250 ");
        return client;
    }


    /** Splits what the next hop got into the two header lines the gateway added and the rest. */
    private static byte[] afterAddedHeaders(byte[] relayed) {
        String text = new String(relayed, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("Received: from client.test ([127.0.0.1])\r\n\tby gw.test (Postwarden) with ESMTP id ");
        int status = text.indexOf("\r\nX-Postwarden-Status: passed; id=");
        assertThat(status).isPositive();
        int end = text.indexOf("\r\n", status + 2) + 2;
        return Arrays.copyOfRange(relayed, end, relayed.length);
    }

    @Test
    void theMessageIsRelayedByteForByteApartFromTheTwoAddedHeaders() throws Exception {
        byte[] original = ("From: a@example.net\r\nTo: b@example.com\r\nSubject: edge cases\r\n\r\n"
                + "plain line\r\n.leading dot\r\n..two dots\r\n.\r\n"
                + "8-bit: \u00e9\u00e8\u00ff\u0080\r\n"
                + "long: " + "L".repeat(5000) + "\r\n"
                + "bare LF\nbare CR\rtrailing spaces   \r\n\tand a tab\r\n"
                + "\r\n\r\nlast line\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedSmtpServer nextHop = SmtpScript.builder().start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("a@example.net", List.of("b@example.com"), SmtpTestClient.dotStuffed(original)))
                        .startsWith("250 2.0.0 Ok: ").contains("relayed");
            }
            ReceivedMessage relayed = nextHop.awaitMessages(1, Duration.ofSeconds(10)).get(0);
            assertThat(relayed.sender()).isEqualTo("a@example.net");
            assertThat(relayed.recipients()).containsExactly("b@example.com");
            assertThat(afterAddedHeaders(relayed.bytes())).isEqualTo(original);
        }
    }

    @Test
    void aTwentyMegabyteMessageIsSpooledAndRelayedExactly() throws Exception {
        byte[] line = ("0123456789abcdefghijklmnopqrstuvwxyz".repeat(2) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream(21 * 1024 * 1024);
        body.writeBytes("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        while (body.size() < 20 * 1024 * 1024) {
            body.writeBytes(line);
        }
        byte[] original = body.toByteArray();
        try (ScriptedSmtpServer nextHop = SmtpScript.builder().recordLimit(original.length + 4096).start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("a@example.net", List.of("b@example.com"), original)).startsWith("250");
            }
            ReceivedMessage relayed = nextHop.awaitMessages(1, Duration.ofSeconds(30)).get(0);
            assertThat(afterAddedHeaders(relayed.bytes())).isEqualTo(original);
        }
        assertThat(dataDir.resolve("spool").toFile().list()).as("spool file removed").isEmpty();
    }

    @Test
    void anUnreachableNextHopMeans451SoTheClientKeepsTheMessage() throws Exception {
        int closedPort;
        try (ScriptedSmtpServer gone = SmtpScript.builder().start()) {
            closedPort = gone.port();
        }
        int port = start(closedPort);
        try (SmtpTestClient client = ehlo(port)) {
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"), "Subject: x\r\n\r\ny\r\n".getBytes()))
                    .startsWith("451 4.4.1");
        }
    }

    @Test
    void aTemporaryRecipientFailureMeans451ForTheWholeMessage() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder()
                .onRecipient("busy@example.com", Response.reply(450, "4.2.1", "mailbox busy")).start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("a@example.net", List.of("ok@example.com", "busy@example.com"),
                        "Subject: x\r\n\r\ny\r\n".getBytes())).startsWith("451 4.2.1").contains("mailbox busy");
            }
        }
    }

    @Test
    void whenTheNextHopRefusesEveryRecipientItsVerdictIsPassedOn() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder()
                .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "no such user")).start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("a@example.net", List.of("gone@example.com"),
                        "Subject: x\r\n\r\ny\r\n".getBytes())).startsWith("550 5.1.1").contains("no such user");
            }
            assertThat(nextHop.messages()).isEmpty();
        }
    }

    @Test
    void aRejectionAfterDataIsPassedOn() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder()
                .onDataEnd(Response.reply(554, "5.7.1", "content refused")).start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                        "Subject: x\r\n\r\ny\r\n".getBytes())).startsWith("554 5.7.1").contains("content refused");
            }
        }
    }

    @Test
    void somePermanentRejectionsGet250AndABounceToTheSender() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder()
                .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "no such user")).start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("a@example.net", List.of("ok@example.com", "gone@example.com"),
                        "Subject: partial\r\n\r\ny\r\n".getBytes())).startsWith("250 2.0.0");
            }
            List<ReceivedMessage> messages = nextHop.awaitMessages(2, Duration.ofSeconds(10));
            assertThat(messages.get(0).recipients()).containsExactly("ok@example.com");
            ReceivedMessage bounce = messages.get(1);
            assertThat(bounce.sender()).isEmpty();
            assertThat(bounce.recipients()).containsExactly("a@example.net");
            assertThat(bounce.text()).contains("multipart/report", "report-type=delivery-status",
                    "Final-Recipient: rfc822; gone@example.com", "Status: 5.1.1", "Subject: partial");
        }
    }

    @Test
    void aNullSenderMessageWithSomeRejectionsGetsNoBounce() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder()
                .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "no such user")).start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("", List.of("ok@example.com", "gone@example.com"),
                        "Subject: bounce\r\n\r\ny\r\n".getBytes())).startsWith("250 2.0.0");
                assertThat(client.sendMessage("a@example.net", List.of("ok@example.com"),
                        "Subject: next\r\n\r\ny\r\n".getBytes())).startsWith("250");
            }
            List<ReceivedMessage> messages = nextHop.awaitMessages(2, Duration.ofSeconds(10));
            assertThat(messages).extracting(ReceivedMessage::sender).containsExactly("", "a@example.net");
        }
    }

    @Test
    void aNextHopRestartBetweenMessagesDoesNotCostA451() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder().start()) {
            int port = start(nextHop);
            try (SmtpTestClient client = ehlo(port)) {
                assertThat(client.sendMessage("a@example.net", List.of("b@example.com"), "S: 1\r\n\r\n1\r\n".getBytes()))
                        .startsWith("250");
                try (ScriptedSmtpServer restarted = nextHop.restart()) {
                    assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                            "S: 2\r\n\r\n2\r\n".getBytes())).startsWith("250");
                    assertThat(restarted.awaitMessages(1, Duration.ofSeconds(10))).hasSize(1);
                }
            }
        }
    }
}
