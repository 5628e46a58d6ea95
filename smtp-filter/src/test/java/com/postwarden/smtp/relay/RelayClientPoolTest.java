package com.postwarden.smtp.relay;

import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.smtp.testing.RecordedSession;
import com.postwarden.smtp.testing.Response;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.ReceivedCommand;
import com.postwarden.smtp.testing.SmtpScript;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions are reused, checked before reuse, replaced when stale and ended when idle. */
class RelayClientPoolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theSecondMessageReusesTheSessionAfterRset() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            RelayResult first = client.send(TestRequests.to("a@example.com"));
            RelayResult second = client.send(TestRequests.to("b@example.com"));

            assertThat(first.allAccepted()).isTrue();
            assertThat(second.allAccepted()).isTrue();
            assertThat(second.attempts()).isEqualTo(1);
            assertThat(server.connectionsAccepted()).isEqualTo(1);
            assertThat(server.sessions().get(0).verbs())
                    .containsExactly("EHLO", "MAIL", "RCPT", "DATA", "RSET", "MAIL", "RCPT", "DATA");
        }
    }

    @Test
    void onAPipeliningNextHopTheRsetBeforeReuseCostsNoRoundTripOfItsOwn() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            client.send(TestRequests.to("a@example.com"));
            client.send(TestRequests.to("b@example.com"));

            List<ReceivedCommand> commands = server.sessions().get(0).commands();
            ReceivedCommand rset = commands.stream().filter(c -> c.verb().equals("RSET")).findFirst().orElseThrow();
            ReceivedCommand nextMail = commands.get(commands.indexOf(rset) + 1);
            assertThat(nextMail.verb()).isEqualTo("MAIL");
            assertThat(nextMail.repliesSentBefore()).as("MAIL arrived before RSET was answered")
                    .isEqualTo(rset.repliesSentBefore());
        }
    }

    @Test
    void withoutPipeliningTheSessionIsCheckedWithRsetBeforeTheTransaction() {
        try (ScriptedSmtpServer server = SmtpScript.builder().withoutPipelining().start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            client.send(TestRequests.to("a@example.com"));
            client.send(TestRequests.to("b@example.com"));

            List<ReceivedCommand> commands = server.sessions().get(0).commands();
            ReceivedCommand rset = commands.stream().filter(c -> c.verb().equals("RSET")).findFirst().orElseThrow();
            ReceivedCommand nextMail = commands.get(commands.indexOf(rset) + 1);
            assertThat(nextMail.repliesSentBefore()).isEqualTo(rset.repliesSentBefore() + 1);
        }
    }

    @Test
    void aSessionTheNextHopClosedWhileIdleIsReplacedWithoutAFailure() {
        try (ScriptedSmtpServer server = SmtpScript.builder().closeAfterMessages(1).start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            assertThat(client.send(TestRequests.to("a@example.com")).allAccepted()).isTrue();
            server.awaitConnectionsClosed(1, WAIT);

            RelayResult second = client.send(TestRequests.to("b@example.com"));

            assertThat(second.allAccepted()).as(second.toString()).isTrue();
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(server.connectionsAccepted()).isEqualTo(2);
            assertThat(server.messages()).hasSize(2);
        }
    }

    @Test
    void aNextHopThatRestartedIsReachedOnAFreshSession() {
        ScriptedSmtpServer server = ScriptedSmtpServer.start();
        try (RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            assertThat(client.send(TestRequests.to("a@example.com")).allAccepted()).isTrue();
            server = server.restart();

            RelayResult second = client.send(TestRequests.to("b@example.com"));

            assertThat(second.allAccepted()).as(second.toString()).isTrue();
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(server.messages()).singleElement()
                    .satisfies(m -> assertThat(m.recipients()).containsExactly("b@example.com"));
        } finally {
            server.close();
        }
    }

    @Test
    void aFailureOnTheFreshSessionIsFinalAfterTwoAttempts() {
        ScriptedSmtpServer server = ScriptedSmtpServer.start();
        try (RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            assertThat(client.send(TestRequests.to("a@example.com")).allAccepted()).isTrue();
            server.close();

            RelayResult second = client.send(TestRequests.to("b@example.com"));

            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.finalReply().enhanced()).isEqualTo("4.4.1");
            assertThat(second.recipients()).allSatisfy(r -> assertThat(r.transientFailure()).isTrue());
        }
    }

    @Test
    void aFailureOnAFreshSessionIsNotRetried() {
        try (ScriptedSmtpServer server = SmtpScript.builder()
                .on("MAIL", Response.disconnect()).start();
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            RelayResult result = client.send(TestRequests.to("a@example.com"));

            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.finalReply().enhanced()).isEqualTo("4.4.2");
            assertThat(server.connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void anIdleSessionIsEndedWithQuitAfterTheIdleTimeout() {
        OutboundSettings settings = TestOutbound.settings().idleTimeout(Duration.ofMillis(200)).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             RelayClient client = new RelayClient(server.address(), settings, "relay.test")) {
            assertThat(client.send(TestRequests.to("a@example.com")).allAccepted()).isTrue();

            server.awaitConnectionsClosed(1, WAIT);

            assertThat(server.sessions().get(0).quit()).isTrue();
            assertThat(client.idleConnections()).isZero();
        }
    }

    @Test
    void aSessionIdleLongerThanTheIdleTimeoutIsNotReused() {
        MutableClock clock = new MutableClock();
        OutboundSettings settings = TestOutbound.settings().idleTimeout(Duration.ofMinutes(1)).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             RelayClient client = new RelayClient(server.address(), settings, "relay.test", clock)) {
            client.send(TestRequests.to("a@example.com"));
            clock.advance(Duration.ofSeconds(59));
            client.send(TestRequests.to("b@example.com"));
            clock.advance(Duration.ofSeconds(61));

            RelayResult third = client.send(TestRequests.to("c@example.com"));

            assertThat(third.allAccepted()).isTrue();
            assertThat(third.attempts()).isEqualTo(1);
            assertThat(server.connectionsAccepted()).isEqualTo(2);
            RecordedSession first = server.sessions().get(0);
            assertThat(first.verbs()).endsWith("DATA", "QUIT").containsOnlyOnce("RSET");
        }
    }

    @Test
    void concurrentSendsUseTheirOwnSessionsAndAtMostTheConfiguredNumberStayIdle() throws Exception {
        OutboundSettings settings = TestOutbound.settings().maxIdleConnections(2).build();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             RelayClient client = new RelayClient(server.address(), settings, "relay.test", Clock.systemUTC())) {
            List<Future<RelayResult>> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String recipient = "r" + i + "@example.com";
                results.add(senders.submit(() -> client.send(TestRequests.to(recipient))));
            }
            for (Future<RelayResult> result : results) {
                assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS).allAccepted()).isTrue();
            }

            assertThat(server.awaitMessages(30, WAIT)).hasSize(30);
            assertThat(client.idleConnections()).isLessThanOrEqualTo(2);
            assertThat(server.sessions()).allSatisfy(session ->
                    assertThat(session.verbs().stream().filter("MAIL"::equals).count())
                            .isEqualTo(session.verbs().stream().filter("DATA"::equals).count()));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void closingTheClientEndsIdleSessionsWithQuit() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test");
            client.send(TestRequests.to("a@example.com"));
            assertThat(client.idleConnections()).isEqualTo(1);

            client.close();

            server.awaitConnectionsClosed(1, WAIT);
            assertThat(server.sessions().get(0).quit()).isTrue();
        }
    }
}
