package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN section 2 when the gateway's next hop fails: the gateway must not say 250, so the upstream MTA keeps
 * every message and delivers it once the next hop is back.
 *
 * <p>Set-up: Postfix (the upstream MTA, relaying everything to the gateway) → gateway → {@link SmtpSink}
 * (the internal mail server, the gateway's {@code nextHop}). Stopping the sink takes down exactly the gateway's
 * next hop while Postfix and the gateway keep running, which the content-filter loop cannot do (there the next
 * hop is Postfix itself).
 */
@Timeout(180)
class NextHopDownIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final int MESSAGES = 20;

    @Test
    void whileTheNextHopIsDownTheGatewayAnswers451AndPostfixDefersThenEveryMessageArrivesOnceItIsBack()
            throws Exception {
        try (SmtpSink mailServer = SmtpSink.started();
                GatewayProcess gateway = GatewayProcess.builder().nextHop(mailServer.port()).start();
                PrivatePostfix postfix = PrivatePostfix.builder().relayTo(gateway.port()).start()) {
            TestMail before = TestMail.builder().subject("before the outage").build();
            MailInjector.to(postfix.smtpPort()).send(before);
            mailServer.awaitMessageIds(List.of(before.messageId()), DELIVERY);
            postfix.awaitEmptyQueue(DELIVERY);

            mailServer.stop();
            List<String> ids = MailInjector.to(postfix.smtpPort()).sessions(2).sendMany(MESSAGES);

            postfix.awaitDeferred(MESSAGES, DELIVERY);
            assertThat(postfix.queueSize()).as("Postfix holds every message").isEqualTo(MESSAGES);
            assertThat(mailServer.messageCount()).isOne();
            List<String> tempfails = gateway.awaitLogLines("outcome=tempfail", MESSAGES, DELIVERY);
            assertThat(tempfails).allSatisfy(line -> assertThat(line)
                    .contains(" reply=\"451 4.4.1 Try again later: ")
                    .contains("next hop 127.0.0.1:" + mailServer.port() + " unreachable"));
            assertThat(gateway.logLines("outcome=relayed")).as("only the message from before the outage").hasSize(1);
            assertThat(postfix.maillog())
                    .as("Postfix deferred on the gateway's 451 at the end of DATA")
                    .containsPattern("relay=127\\.0\\.0\\.1\\[127\\.0\\.0\\.1\\]:" + gateway.port()
                            + ", .*status=deferred \\(host 127\\.0\\.0\\.1\\[127\\.0\\.0\\.1\\] said: 451 4\\.4\\.1 "
                            + "Try again later: [A-Z0-9]+ not relayed: next hop 127\\.0\\.0\\.1:" + mailServer.port()
                            + " unreachable");

            mailServer.start();
            postfix.flush();

            mailServer.awaitMessageIds(ids, DELIVERY);
            postfix.awaitEmptyQueue(DELIVERY);
            Map<String, Integer> counts = mailServer.countsByMessageId();
            Set<String> missing = new HashSet<>(ids);
            missing.removeAll(counts.keySet());
            int duplicates = counts.values().stream().mapToInt(n -> n - 1).sum();
            System.out.printf("next hop down: %d messages deferred while it was down, %d tempfail replies, "
                    + "%d delivered after it came back, %d missing, %d duplicates%n",
                    MESSAGES, gateway.logLines("outcome=tempfail").size(), ids.size() - missing.size(),
                    missing.size(), duplicates);
            assertThat(missing).as("messages lost").isEmpty();
            // The next hop refused connections, so it never accepted a message it was not told about:
            // there is no reason for a duplicate here (unlike after a crash).
            assertThat(duplicates).as("duplicates").isZero();
            assertThat(gateway.logLines("outcome=relayed")).hasSize(MESSAGES + 1);
        }
    }
}
