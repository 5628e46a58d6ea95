package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM as docs/operations.md describes it: stop accepting (new connections and new transactions get
 * {@code 421 4.3.2}), let open transactions finish within {@code shutdownTimeout}, exit 0. The next hop is an
 * {@link SmtpSink} that holds its reply to the end of DATA, so a message is provably in flight when the signal
 * arrives and the test decides when it may finish.
 */
@Timeout(120)
class GatewayDrainIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration SHORT_SHUTDOWN = Duration.ofSeconds(2);
    /** How long the gateway may take, after it logged the signal, to start refusing new connections. */
    private static final Duration DRAIN_START = Duration.ofSeconds(10);
    /** Time allowed beyond shutdownTimeout for closing connections and leaving the JVM. */
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(15);

    private final ExecutorService client = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopClient() {
        client.shutdownNow();
    }

    @Test
    void sigtermLetsTheMessageInFlightFinishWith250RefusesNewMailWith421AndExits0() throws Exception {
        try (SmtpSink nextHop = SmtpSink.started().holdReplies();
                GatewayProcess gateway = GatewayProcess.builder().nextHop(nextHop.port()).start();
                SmtpDialogue idle = SmtpDialogue.open(gateway.port())) {
            assertThat(idle.send("EHLO idle.postwarden.test").code()).isEqualTo(250);
            TestMail inFlight = TestMail.builder().subject("in flight during shutdown").build();
            Future<String> reply = client.submit(() -> MailInjector.to(gateway.port()).send(inFlight));
            nextHop.awaitMessageIds(List.of(inFlight.messageId()), WAIT);

            gateway.sigterm();
            gateway.awaitLogLine("stopping: no new mail accepted", WAIT);

            assertThat(greetingOfANewConnectionOnceDraining(gateway.port()))
                    .as("a new connection during the drain").startsWith("421 4.3.2 ");
            assertThat(idle.send("MAIL FROM:<alice@example.net>").text())
                    .as("a new transaction on a connection opened before the signal")
                    .startsWith("421 4.3.2 ");
            assertThat(gateway.isAlive()).as("still draining while the message is in flight").isTrue();
            assertThat(reply).isNotDone();

            nextHop.releaseReplies();

            assertThat(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS)).startsWith("250 2.0.0 Ok: ");
            assertThat(gateway.waitFor(WAIT)).as("exit status after the drain").isZero();
            assertThat(nextHop.messageCount()).as("only the message in flight reached the next hop").isOne();
            String log = gateway.log();
            int stopping = log.indexOf("stopping: no new mail accepted");
            int relayed = log.indexOf("outcome=relayed");
            int stopped = log.indexOf("[ServeCommand] stopped");
            assertThat(relayed).as("the message was relayed during the drain").isGreaterThan(stopping);
            assertThat(stopped).as("the process stopped after relaying it").isGreaterThan(relayed);
        }
    }

    /**
     * The greeting of the first new connection that is not welcomed with 220. The gateway logs that it is
     * stopping just before it starts refusing, so a connection made in between is still a normal one: it is
     * closed with QUIT and the next one tried, within {@link #DRAIN_START}.
     */
    private static String greetingOfANewConnectionOnceDraining(int port) throws Exception {
        long deadline = System.nanoTime() + DRAIN_START.toNanos();
        while (true) {
            try (SmtpDialogue late = SmtpDialogue.open(port)) {
                if (late.greeting().code() != 220) {
                    return late.greeting().text();
                }
                late.send("QUIT");
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("new connections were still welcomed with 220 " + DRAIN_START
                        + " after the gateway logged that it is stopping");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aRelayStillWaitingWhenTheShutdownTimeoutEndsIsCutOffWith451AndTheProcessExits0() throws Exception {
        try (SmtpSink nextHop = SmtpSink.started().holdReplies();
                GatewayProcess gateway = GatewayProcess.builder()
                        .nextHop(nextHop.port())
                        .shutdownTimeout(SHORT_SHUTDOWN)
                        .start();
                SmtpDialogue smtp = SmtpDialogue.open(gateway.port())) {
            TestMail stuck = TestMail.builder().subject("next hop never answers").build();
            assertThat(smtp.send("EHLO client.postwarden.test").code()).isEqualTo(250);
            assertThat(smtp.send("MAIL FROM:<" + stuck.envelopeSender() + ">").code()).isEqualTo(250);
            assertThat(smtp.send("RCPT TO:<" + stuck.recipients().get(0) + ">").code()).isEqualTo(250);
            assertThat(smtp.send("DATA").code()).isEqualTo(354);
            Future<SmtpDialogue.Reply> reply = client.submit(() -> smtp.sendData(stuck.content()));
            nextHop.awaitMessageIds(List.of(stuck.messageId()), WAIT);

            gateway.sigterm();

            assertThat(gateway.waitFor(SHORT_SHUTDOWN.plus(EXIT_MARGIN)))
                    .as("exit status after the shutdown timeout").isZero();
            assertThat(reply.get(WAIT.toSeconds(), TimeUnit.SECONDS).code())
                    .as("the relay is cut off and the client told to try again, never 250")
                    .isEqualTo(451);
            assertThat(gateway.log()).contains("messages still in flight after shutdownTimeout=PT2S",
                    "outcome=tempfail");
        }
    }
}
