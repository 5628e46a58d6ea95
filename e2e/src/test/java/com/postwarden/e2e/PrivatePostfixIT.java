package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the harness against real Postfix: relaying, the after-queue content-filter loop, and
 * deferral while the next hop is down. Needs root and scripts/setup-test-env.sh.
 */
@Timeout(180)
class PrivatePostfixIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Test
    void relaysMailInjectedOnItsSmtpPortToTheRelayHost() throws Exception {
        try (SmtpSink sink = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder().relayTo(sink.port()).start()) {
            TestMail viaSwaks = TestMail.builder().subject("sent with swaks").build();
            Swaks.send(postfix.smtpPort(), viaSwaks);
            List<String> viaInjector = MailInjector.to(postfix.smtpPort()).sendMany(20);

            sink.awaitMessageIds(viaInjector, DELIVERY);
            sink.awaitMessageIds(List.of(viaSwaks.messageId()), DELIVERY);
            postfix.awaitEmptyQueue(DELIVERY);

            assertThat(sink.countsByMessageId()).hasSize(21).allSatisfy((id, count) -> assertThat(count).isOne());
            ReceivedMessage relayed = sink.messages().get(0);
            assertThat(relayed.helo()).isEqualTo(PostfixConfig.HOSTNAME);
            assertThat(relayed.header("Received")).hasValueSatisfying(
                    received -> assertThat(received).contains("by " + PostfixConfig.HOSTNAME));
            assertThat(postfix.maillog()).contains("status=sent");
        }
    }

    @Test
    void contentFilterGetsEachMessageWithXforwardAndReinjectedMailReachesTheRelayHost() throws Exception {
        try (SmtpSink filter = SmtpSink.started();
                SmtpSink sink = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder()
                        .relayTo(sink.port())
                        .contentFilter(filter.port())
                        .start()) {
            TestMail mail = TestMail.builder().subject("through the filter").build();
            MailInjector.to(postfix.smtpPort()).helo("client.postwarden.test").send(mail);

            ReceivedMessage atFilter = filter.awaitMessageIds(List.of(mail.messageId()), DELIVERY).get(0);
            assertThat(atFilter.envelopeSender()).isEqualTo(mail.envelopeSender());
            assertThat(atFilter.recipients()).isEqualTo(mail.recipients());
            assertThat(atFilter.xforward())
                    .containsEntry("ADDR", "127.0.0.1")
                    .containsEntry("HELO", "client.postwarden.test")
                    .containsEntry("PROTO", "ESMTP");
            assertThat(sink.messageCount()).isZero();

            // The filter's part: hand the message back on the re-injection port.
            MailInjector.to(postfix.reinjectPort()).helo("filter.postwarden.test").send(TestMail.of(atFilter));

            ReceivedMessage delivered = sink.awaitMessageIds(List.of(mail.messageId()), DELIVERY).get(0);
            assertThat(delivered.recipients()).isEqualTo(mail.recipients());
            postfix.awaitEmptyQueue(DELIVERY);
            assertThat(filter.messageCount()).as("re-injected mail must not loop through the filter").isOne();
            assertThat(sink.messageCount()).isOne();
        }
    }

    @Test
    void defersWhileTheRelayHostIsDownAndDeliversEachMessageOnceAfterItReturnsAndTheQueueIsFlushed()
            throws Exception {
        try (SmtpSink sink = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder().relayTo(sink.port()).start()) {
            String first = MailInjector.to(postfix.smtpPort()).send(TestMail.builder().build());
            sink.awaitMessages(1, DELIVERY);
            assertThat(first).startsWith("250");

            sink.stop();
            List<String> ids = MailInjector.to(postfix.smtpPort()).sendMany(25);
            postfix.awaitDeferred(25, DELIVERY);
            assertThat(postfix.queueSize()).isEqualTo(25);
            assertThat(postfix.maillog()).contains("status=deferred");
            assertThat(sink.messageCount()).isOne();

            sink.start();
            postfix.flush();

            sink.awaitMessageIds(ids, DELIVERY);
            postfix.awaitEmptyQueue(DELIVERY);
            assertThat(sink.messageCount()).isEqualTo(26);
            assertThat(sink.countsByMessageId()).hasSize(26).allSatisfy((id, count) -> assertThat(count).isOne());
        }
    }

    @Test
    void relaysAThousandMessagesFromParallelSessionsExactlyOnce() throws Exception {
        try (SmtpSink sink = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder().relayTo(sink.port()).start()) {
            List<String> ids = MailInjector.to(postfix.smtpPort()).sessions(4).sendMany(1000);

            sink.awaitMessageIds(ids, Duration.ofSeconds(120));
            postfix.awaitEmptyQueue(DELIVERY);

            assertThat(sink.countsByMessageId()).hasSize(1000).allSatisfy((id, count) -> assertThat(count).isOne());
        }
    }

    @Test
    void stopEndsEveryProcessOfTheInstanceAndCloseRemovesItsDirectory() throws Exception {
        Path directory;
        long masterPid;
        try (SmtpSink sink = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder().relayTo(sink.port()).start()) {
            directory = postfix.directory();
            masterPid = postfix.masterPid().orElseThrow();
            MailInjector.to(postfix.smtpPort()).send(TestMail.builder().build());
            sink.awaitMessages(1, DELIVERY);
            assertThat(ProcessGroups.liveMembers(masterPid)).contains(masterPid).hasSizeGreaterThan(1);

            postfix.stop();

            assertThat(postfix.isRunning()).isFalse();
            assertThat(ProcessGroups.liveMembers(masterPid)).isEmpty();
            assertThat(LocalPorts.isListening(postfix.smtpPort())).isFalse();
        }
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void startFailsWithPostfixsOwnReasonWhenItRefusesTheConfiguration() {
        PrivatePostfix.Builder broken = PrivatePostfix.builder()
                .relayTo(25)
                .mainCf("queue_directory", "/nonexistent/postwarden-queue");

        assertThatThrownBy(broken::start)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/nonexistent/postwarden-queue");
    }
}
