package com.postwarden.smtp.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.Spool;
import com.postwarden.smtp.testing.LogCapture;
import com.postwarden.smtp.testing.SmtpTestClient;
import com.postwarden.smtp.testing.TestConfig;
import com.postwarden.smtp.transaction.MessageReceiver;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP dialogues against the real listener on 127.0.0.1; the receiver records what it is handed. */
class SmtpListenerTest {
    @TempDir
    Path dataDir;

    private SmtpListener listener;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** What the receiver saw, copied while the message was still open. */
    record Received(ReceivedMessage message, byte[] content) {
    }

    private final MessageReceiver recording = message -> {
        try (InputStream in = message.content().openStream()) {
            received.add(new Received(message, in.readAllBytes()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return SmtpReply.of(250, "2.0.0", "Ok: " + message.id());
    };

    private int start(GatewayConfig config, MessageReceiver receiver) throws IOException {
        Spool spool = new Spool(dataDir.resolve("spool"), (int) config.smtp().memorySpoolThreshold().bytes());
        spool.prepare();
        listener = new SmtpListener(config.smtp().listen(), config::smtp, spool, receiver, Optional.empty());
        listener.start();
        return listener.port();
    }

    private SmtpTestClient ehlo(int port) throws IOException {
        SmtpTestClient client = SmtpTestClient.connect(port);
        client.expect("220 gw.test ESMTP");
        client.send("EHLO client.test").expect("250 ");
        return client;
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stopAccepting();
            listener.awaitIdle(Duration.ofSeconds(5));
            listener.stop();
        }
    }

    @Test
    void ehloAdvertisesTheExtensionsItImplements() throws Exception {
        int port = start(TestConfig.smtp("maxMessageSize: 1MB"), recording);
        try (SmtpTestClient client = SmtpTestClient.connect(port)) {
            client.expect("220");
            List<String> reply = client.send("EHLO client.test").expect("250 ");
            assertThat(reply).contains("250-PIPELINING", "250-SIZE 1048576", "250-8BITMIME",
                    "250-ENHANCEDSTATUSCODES");
            assertThat(reply).contains("250-CHUNKING");
            assertThat(String.join("\n", reply)).contains("XFORWARD NAME ADDR").doesNotContain("STARTTLS");
        }
    }

    @Test
    void aMessageIsHandedOverWithItsEnvelopeAndExactBytes() throws Exception {
        int port = start(TestConfig.smtp("relayDomains: [example.com]"), recording);
        byte[] body = "Subject: t\r\n\r\nline\r\n..dot line\r\n\u00e9 8bit\r\nbare\nLF\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (SmtpTestClient client = ehlo(port)) {
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com", "c@example.com"), body))
                    .startsWith("250 2.0.0 Ok: ");
        }
        assertThat(received).hasSize(1);
        ReceivedMessage message = received.get(0).message();
        assertThat(message.envelope().sender()).isEqualTo("a@example.net");
        assertThat(message.envelope().recipients()).containsExactly("b@example.com", "c@example.com");
        assertThat(new String(received.get(0).content(), StandardCharsets.ISO_8859_1))
                .isEqualTo("Subject: t\r\n\r\nline\r\n.dot line\r\n\u00e9 8bit\r\nbare\nLF\r\n");
        assertThat(message.client().esmtp()).isTrue();
        assertThat(message.client().helo()).isEqualTo("client.test");
    }

    @Test
    void anUntrustedClientCannotRelayToForeignDomains() throws Exception {
        int port = start(TestConfig.smtp("relayDomains: [example.com]", "trustedNetworks: [192.0.2.0/24]"), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<a@example.net>").expect("250 2.1.0");
            client.send("RCPT TO:<victim@elsewhere.test>").expect("554 5.7.1 Relay access denied");
            client.send("RCPT TO:<user@EXAMPLE.com>").expect("250 2.1.5");
            client.send("RCPT TO:<user@example.com.>").expect("250 2.1.5");
            client.send("RCPT TO:<user@sub.example.com>").expect("554 5.7.1");
        }
    }

    @Test
    void aTrustedClientMayRelayAnywhere() throws Exception {
        int port = start(TestConfig.smtp("relayDomains: [example.com]"), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<a@example.net>").expect("250");
            client.send("RCPT TO:<someone@elsewhere.test>").expect("250 2.1.5");
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedWith552() throws Exception {
        int port = start(TestConfig.smtp("maxMessageSize: 1KB"), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<a@example.net> SIZE=1025").expect("552 5.3.4");
            client.send("MAIL FROM:<a@example.net> SIZE=99999999999999999999999").expect("501 5.5.4");
            client.send("MAIL FROM:<a@example.net> SIZE=1024").expect("250 2.1.0");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith552AndTheSessionGoesOn() throws Exception {
        int port = start(TestConfig.smtp("maxMessageSize: 1KB"), recording);
        try (SmtpTestClient client = ehlo(port)) {
            String reply = client.sendMessage("a@example.net", List.of("b@example.com"),
                    ("Subject: big\r\n\r\n" + "x".repeat(100) + "\r\n").repeat(20).getBytes(StandardCharsets.US_ASCII));
            assertThat(reply).startsWith("552 5.3.4");
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                    "Subject: small\r\n\r\nok\r\n".getBytes(StandardCharsets.US_ASCII))).startsWith("250");
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void tooManyRecipientsAreDeferredWith452() throws Exception {
        int port = start(TestConfig.smtp("maxRecipients: 2"), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<a@example.net>").expect("250");
            client.send("RCPT TO:<r1@example.com>").expect("250");
            client.send("RCPT TO:<r2@example.com>").expect("250");
            client.send("RCPT TO:<r3@example.com>").expect("452 4.5.3");
        }
    }

    @Test
    void aTooLongLineAndATooLargeHeaderAreRefused() throws Exception {
        int port = start(TestConfig.smtp("maxLineLength: 1000", "maxHeaderSize: 4KB"), recording);
        try (SmtpTestClient client = ehlo(port)) {
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                    ("Subject: x\r\n\r\n" + "y".repeat(1001) + "\r\n").getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("552 5.3.4 Message has a line longer than 1000");
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                    ("X-Filler: " + "z".repeat(900) + "\r\n").repeat(5).concat("\r\nbody\r\n")
                            .getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("552 5.3.4 Message header section exceeds");
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                    ("Subject: x\r\n\r\n" + "y".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII)))
                    .startsWith("250");
        }
    }

    @Test
    void badSyntaxGets501And555() throws Exception {
        int port = start(TestConfig.smtp(), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<not an address>").expect("501 5.1.7");
            client.send("MAIL TO:<a@b.test>").expect("501 5.5.4");
            client.send("MAIL FROM:<a@example.net> FROBNICATE=1").expect("555 5.5.4");
            client.send("MAIL FROM:<a@example.net> BODY=9BIT").expect("501 5.5.4");
            client.send("RCPT TO:<b@example.com>").expect("503 5.5.1");
            client.send("MAIL FROM:<>").expect("250");
            client.send("RCPT TO:<>").expect("501 5.1.3");
            client.send("RCPT TO:<b@example.com> NOTIFY=NEVER").expect("555 5.5.4");
            client.send("DATA").expect("503 5.5.1");
            client.send("RCPT TO:<Postmaster>").expect("250");
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        int port = start(TestConfig.smtp(), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.raw(("MAIL FROM:<a@example.net>\r\nRCPT TO:<b@example.com>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.expect("250 2.1.0");
            client.expect("250 2.1.5");
            client.expect("250 2.1.5");
            client.expect("354");
            client.raw("Subject: p\r\n\r\nx\r\n.\r\nMAIL FROM:<d@example.net>\r\nRCPT TO:<e@example.com>\r\nRSET\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.expect("250 2.0.0");
            client.expect("250 2.1.0");
            client.expect("250 2.1.5");
            client.expect("250 2.0.0 Ok");
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void everyReplyCarriesAnEnhancedStatusCode() throws Exception {
        int port = start(TestConfig.smtp(), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("NOOP").expect("250 2.0.0");
            client.send("VRFY postmaster").expect("252 2.5.2");
            client.send("EXPN staff").expect("502 5.5.1");
            client.send("AUTH PLAIN AGFhAGI=").expect("502 5.5.1");
            client.send("MAIL FROM:<a@example.net>").expect("250 2.1.0");
            client.send("RSET").expect("250 2.0.0");
            client.send("RCPT TO:<b@example.com>").expect("503 5.5.1");
            client.send("QUIT").expect("221 2.0.0");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void xforwardFromATrustedClientReachesTheReceiver() throws Exception {
        int port = start(TestConfig.smtp(), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("XFORWARD NAME=mail.example.org ADDR=192.0.2.7 PROTO=ESMTP").expect("250 2.0.0");
            client.send("XFORWARD HELO=mail+2Eexample.org SOURCE=REMOTE PORT=[UNAVAILABLE]").expect("250");
            client.sendMessage("a@example.net", List.of("b@example.com"), "Subject: x\r\n\r\ny\r\n".getBytes());
            client.sendMessage("a@example.net", List.of("b@example.com"), "Subject: x\r\n\r\ny\r\n".getBytes());
        }
        var first = received.get(0).message().client();
        assertThat(first.originalAddress()).isEqualTo("192.0.2.7");
        assertThat(first.originalHelo()).isEqualTo("mail.example.org");
        assertThat(first.forwarded().orElseThrow().name()).contains("mail.example.org");
        assertThat(first.forwarded().orElseThrow().port()).isEmpty();
        assertThat(received.get(1).message().client().forwarded()).as("reset after each transaction").isEmpty();
    }

    @Test
    void xforwardFromAnUntrustedClientIsRefused() throws Exception {
        int port = start(TestConfig.smtp("trustedNetworks: [192.0.2.0/24]"), recording);
        try (SmtpTestClient client = SmtpTestClient.connect(port)) {
            client.expect("220");
            assertThat(client.send("EHLO c").expect("250 ")).noneMatch(l -> l.contains("XFORWARD"));
            client.send("XFORWARD ADDR=192.0.2.7").expect("550 5.7.0");
        }
    }

    @Test
    void connectionsPerUntrustedClientAreLimited() throws Exception {
        int port = start(TestConfig.smtp("trustedNetworks: [192.0.2.0/24]", "maxConnectionsPerClient: 2"), recording);
        try (SmtpTestClient first = SmtpTestClient.connect(port); SmtpTestClient second = SmtpTestClient.connect(port)) {
            first.expect("220");
            second.expect("220");
            try (SmtpTestClient third = SmtpTestClient.connect(port)) {
                third.expect("421 4.7.0");
            }
        }
        try (SmtpTestClient again = SmtpTestClient.connect(port)) {
            again.expect("220");
        }
    }

    @Test
    void anIdleClientIsDisconnectedAfterTheCommandTimeoutAndItIsLogged() throws Exception {
        int port = start(TestConfig.smtp("commandTimeout: 300ms"), recording);
        try (LogCapture log = LogCapture.of(SmtpListener.class); SmtpTestClient client = ehlo(port)) {
            client.expect("421");
            assertThat(client.isClosedByServer()).isTrue();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(log.messages()).anyMatch(m -> m.contains("sent no command for commandTimeout")));
        }
    }

    @Test
    void aClientSilentDuringDataIsDisconnectedAfterTheDataTimeoutAndItIsLogged() throws Exception {
        int port = start(TestConfig.smtp("dataTimeout: 300ms"), recording);
        try (LogCapture log = LogCapture.of(SmtpListener.class); SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<a@example.net>").expect("250");
            client.send("RCPT TO:<b@example.com>").expect("250");
            client.send("DATA").expect("354");
            client.raw("Subject: half a message\r\n".getBytes(StandardCharsets.US_ASCII));
            client.expect("421");
            assertThat(log.messages()).anyMatch(m -> m.contains("sent no data for dataTimeout"));
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aFailingReceiverMeansTemporaryFailureNot250() throws Exception {
        int port = start(TestConfig.smtp(), message -> {
            throw new IllegalStateException("bug");
        });
        try (SmtpTestClient client = ehlo(port)) {
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"), "S: x\r\n\r\ny\r\n".getBytes()))
                    .startsWith("451 4.3.0");
        }
    }

    @Test
    void aLargeMessageGoesThroughTheSpoolFileWhichIsRemovedAfterwards() throws Exception {
        int port = start(TestConfig.smtp("memorySpoolThreshold: 1KB"), message -> {
            assertThat(dataDir.resolve("spool").toFile().list()).hasSize(1);
            return recording.receive(message);
        });
        try (SmtpTestClient client = ehlo(port)) {
            assertThat(client.sendMessage("a@example.net", List.of("b@example.com"),
                    ("Subject: x\r\n\r\n" + ("z".repeat(998) + "\r\n").repeat(100)).getBytes())).startsWith("250");
        }
        assertThat(received.get(0).content()).hasSize(14 + 100 * 1000);
        assertThat(dataDir.resolve("spool").toFile().list()).isEmpty();
    }

    @Test
    void drainingFinishesTheMessageInFlightAndRefusesNewWork() throws Exception {
        CountDownLatch inReceiver = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int port = start(TestConfig.smtp(), message -> {
            inReceiver.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return recording.receive(message);
        });
        try (SmtpTestClient busy = ehlo(port); SmtpTestClient idle = ehlo(port)) {
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
                try {
                    return busy.sendMessage("a@example.net", List.of("b@example.com"), "S: x\r\n\r\ny\r\n".getBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(inReceiver.await(10, TimeUnit.SECONDS)).isTrue();
            listener.stopAccepting();
            CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> listener.awaitIdle(Duration.ofSeconds(10)));
            idle.send("MAIL FROM:<a@example.net>").expect("421 4.3.2");
            try (SmtpTestClient late = SmtpTestClient.connect(port)) {
                late.expect("421 4.3.2");
            } catch (java.net.ConnectException alreadyClosed) {
                // also acceptable: the listener no longer accepts at all
            }
            release.countDown();
            assertThat(reply.get(10, TimeUnit.SECONDS)).startsWith("250 2.0.0");
            assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
            listener.stop();
        }
        listener = null;
        assertThat(received).hasSize(1);
    }

    @Test
    void chunkedMessagesArriveExactlyAsSentWithoutDotStuffing() throws Exception {
        int port = start(TestConfig.smtp(), recording);
        byte[] first = "Subject: chunks\r\n\r\n.no stuffing in BDAT\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "second chunk, \u00e9 8-bit\r\n.\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (SmtpTestClient client = ehlo(port)) {
            client.raw(("MAIL FROM:<a@example.net>\r\nRCPT TO:<b@example.com>\r\nBDAT " + first.length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.raw(first);
            client.raw(("BDAT " + second.length + " LAST\r\n").getBytes(StandardCharsets.US_ASCII));
            client.raw(second);
            client.expect("250 2.1.0");
            client.expect("250 2.1.5");
            client.expect("250 2.0.0 " + first.length + " octets received");
            client.expect("250 2.0.0 Ok: ");
            client.send("NOOP").expect("250 2.0.0");
        }
        assertThat(received).hasSize(1);
        byte[] expected = new byte[first.length + second.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertThat(received.get(0).content()).isEqualTo(expected);
    }

    @Test
    void chunksOverTheSizeLimitAreReadAndRefusedWith552() throws Exception {
        int port = start(TestConfig.smtp("maxMessageSize: 1KB"), recording);
        byte[] chunk = ("Subject: big\r\n\r\n" + "x".repeat(700) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<a@example.net>").expect("250");
            client.send("RCPT TO:<b@example.com>").expect("250");
            client.raw(("BDAT " + chunk.length + "\r\n").getBytes(StandardCharsets.US_ASCII)).raw(chunk);
            client.expect("250 2.0.0");
            client.raw(("BDAT " + chunk.length + " LAST\r\n").getBytes(StandardCharsets.US_ASCII)).raw(chunk);
            client.expect("552 5.3.4");
            client.send("NOOP").expect("250 2.0.0");
        }
        assertThat(received).isEmpty();
        assertThat(dataDir.resolve("spool").toFile().list()).isEmpty();
    }

    @Test
    void aChunkWithoutATransactionIsReadAndRefused() throws Exception {
        int port = start(TestConfig.smtp(), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.raw("BDAT 9 LAST\r\nNOOP\r\nNOO".getBytes(StandardCharsets.US_ASCII));
            client.expect("503 5.5.1");
            client.send("NOOP").expect("250 2.0.0");
            client.send("MAIL FROM:<a@example.net>").expect("250");
            client.send("RCPT TO:<b@example.com>").expect("250");
            client.raw("BDAT 3\r\nabc".getBytes(StandardCharsets.US_ASCII)).expect("250 2.0.0 3 octets received");
        }
    }

    @Test
    void rsetDiscardsAPartlyChunkedMessageAndDataAfterBdatIsRefused() throws Exception {
        int port = start(TestConfig.smtp("memorySpoolThreshold: 0"), recording);
        try (SmtpTestClient client = ehlo(port)) {
            client.send("MAIL FROM:<a@example.net>").expect("250");
            client.send("RCPT TO:<b@example.com>").expect("250");
            client.raw("BDAT 4\r\nabcd".getBytes(StandardCharsets.US_ASCII)).expect("250 2.0.0 4 octets");
            client.send("DATA").expect("503 5.5.1");
            assertThat(dataDir.resolve("spool").toFile().list()).hasSize(1);
            client.send("RSET").expect("250 2.0.0");
            assertThat(dataDir.resolve("spool").toFile().list()).isEmpty();
            client.send("BDAT x").expect("501 5.5.4");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(received).isEmpty();
    }
}
