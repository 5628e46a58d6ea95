package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN section 2 under a crash: the gateway is killed with SIGKILL while thousands of messages flow through
 * it from Postfix. Every message Postfix accepted must still reach the destination, because the gateway says
 * 250 only after the next hop has the message; duplicates are allowed (next hop accepted, crash before our
 * 250), loss is not.
 *
 * <p>Set-up: the content-filter loop of docs/operations.md. Postfix → gateway → Postfix's re-injection
 * listener → {@link SmtpSink}. Every other message is larger than {@code memorySpoolThreshold}, so both the
 * in-memory and the spool-file path are in use when the kill comes; whether a spool file is open at that
 * instant is chance, so the second test makes a crash with a spool file deterministic.
 */
@Timeout(300)
class GatewayCrashIT {

    private static final int MESSAGES = 2000;
    private static final int KILL_AFTER = 400;
    private static final Duration DELIVERY = Duration.ofSeconds(150);

    @Test
    void aGatewayKilledWithSigkillMidStreamLosesNoMessageThatPostfixAccepted() throws Exception {
        long started = System.nanoTime();
        int gatewayPort = LocalPorts.freePort();
        ExecutorService injector = Executors.newSingleThreadExecutor();
        try (SmtpSink destination = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder()
                        .relayTo(destination.port())
                        .contentFilter(gatewayPort)
                        .filterConcurrency(8)
                        .build();
                GatewayProcess gateway = GatewayProcess.builder()
                        .listenPort(gatewayPort)
                        .nextHop(postfix.reinjectPort())
                        .smtpLine("memorySpoolThreshold: 2KB")
                        .start()) {
            postfix.start();

            Future<List<String>> injected = injector.submit(() -> MailInjector.to(postfix.smtpPort())
                    .sessions(4)
                    .messagesPerConnection(50)
                    .sendMany(MESSAGES, GatewayCrashIT::message));

            destination.awaitMessages(KILL_AFTER, DELIVERY);
            gateway.kill9();
            double killedAt = seconds(started);
            int killedStatus = gateway.waitFor(Duration.ofSeconds(10));
            int receivedAtKill = destination.messageCount();
            int spoolFilesLeft = gateway.spoolFiles().size();
            assertThat(killedStatus).as("exit status of a process killed by SIGKILL").isEqualTo(128 + 9);
            postfix.awaitDeferred(1, DELIVERY);

            gateway.restart();
            double restartedAt = seconds(started);
            if (spoolFilesLeft > 0) {
                assertThat(gateway.logSinceLaunch())
                        .contains("removed " + spoolFilesLeft + " unacknowledged spool file(s)");
            }
            List<String> ids = injected.get(DELIVERY.toSeconds(), TimeUnit.SECONDS);
            postfix.flush();

            destination.awaitMessageIds(ids, DELIVERY);
            postfix.awaitEmptyQueue(DELIVERY);

            Map<String, Integer> counts = destination.countsByMessageId();
            Set<String> missing = new HashSet<>(ids);
            missing.removeAll(counts.keySet());
            int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
            long cutOff = postfix.maillog().lines()
                    .filter(line -> line.contains("relay=127.0.0.1[127.0.0.1]:" + gatewayPort + ","))
                    .filter(line -> line.contains("status=deferred (lost connection")).count();
            System.out.printf("gateway crash: %d messages accepted by Postfix; SIGKILL at %.1f s after %d had "
                    + "arrived, cutting off %d transactions (%d spool files left); restarted at %.1f s; all "
                    + "delivered at %.1f s; %d arrived in all, %d missing, %d duplicates%n",
                    ids.size(), killedAt, receivedAtKill, cutOff, spoolFilesLeft, restartedAt, seconds(started),
                    destination.messageCount(), missing.size(), duplicates);
            assertThat(missing).as("messages lost").isEmpty();
            assertThat(counts.keySet()).as("nothing but the injected messages arrived").isEqualTo(Set.copyOf(ids));
            assertThat(destination.messages()).as("every copy passed the gateway")
                    .allSatisfy(m -> assertThat(m.header("X-Postwarden-Status")).isPresent());
            gateway.awaitEmptySpool(Duration.ofSeconds(10));
        } finally {
            injector.shutdownNow();
        }
    }

    @Test
    void aSpoolFileLeftByACrashBelongsToAMessageNobodyWasTold250AboutAndIsRemovedAtRestart() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (SmtpSink nextHop = SmtpSink.started().holdReplies();
                GatewayProcess gateway = GatewayProcess.builder()
                        .nextHop(nextHop.port())
                        .smtpLine("memorySpoolThreshold: 1KB")
                        .start();
                SmtpDialogue smtp = SmtpDialogue.open(gateway.port())) {
            TestMail large = TestMail.builder().subject("on disk while in flight")
                    .body("a line of a message larger than the memory threshold\r\n".repeat(400)).build();
            assertThat(smtp.send("EHLO client.postwarden.test").code()).isEqualTo(250);
            assertThat(smtp.send("MAIL FROM:<" + large.envelopeSender() + ">").code()).isEqualTo(250);
            assertThat(smtp.send("RCPT TO:<" + large.recipients().get(0) + ">").code()).isEqualTo(250);
            assertThat(smtp.send("DATA").code()).isEqualTo(354);
            Future<SmtpDialogue.Reply> reply = client.submit(() -> smtp.sendData(large.content()));
            nextHop.awaitMessageIds(List.of(large.messageId()), DELIVERY);
            assertThat(gateway.spoolFiles()).as("spool while the next hop's reply is outstanding").hasSize(1);

            gateway.kill9();
            gateway.waitFor(Duration.ofSeconds(10));

            assertThat(reply.get(30, TimeUnit.SECONDS).code()).as("reply the client got").isNotEqualTo(250);
            assertThat(gateway.spoolFiles()).as("spool after the crash").hasSize(1);
            gateway.restart();
            assertThat(gateway.logSinceLaunch()).contains("removed 1 unacknowledged spool file(s)");
            assertThat(gateway.spoolFiles()).as("spool after the restart").isEmpty();
        } finally {
            client.shutdownNow();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Sizes alternate around the 2 KB spool threshold, so some messages are in memory and some on disk. */
    private static TestMail message(int i) {
        String line = "message " + i + " of the crash test, line of filler text to give it some size\r\n";
        return TestMail.builder()
                .subject("crash test " + i)
                .body(line.repeat(i % 2 == 0 ? 2 : 40 + i % 50))
                .build();
    }
}
