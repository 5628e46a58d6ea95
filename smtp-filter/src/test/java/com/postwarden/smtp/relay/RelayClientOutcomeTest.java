package com.postwarden.smtp.relay;

import com.postwarden.policies.config.HostPort;
import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.testing.RecordedSession;
import com.postwarden.smtp.testing.Response;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How each answer of the next hop, and each way it can fail, becomes a reply per recipient. */
class RelayClientOutcomeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(500);

    @Test
    void allRecipientsAcceptedGetTheReplyToTheEndOfData() {
        RelayResult result = send(SmtpScript.builder().build(), TestRequests.to("a@example.com", "b@example.com"));

        assertThat(result.allAccepted()).isTrue();
        assertThat(result.finalReply().code()).isEqualTo(250);
        assertThat(result.recipients()).extracting(r -> r.reply().text())
                .containsExactly("Ok: queued as SCRIPTED1", "Ok: queued as SCRIPTED1");
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void aRecipientRefusedAtRcptKeepsTheNextHopsReplyWhileTheOthersAreDelivered() {
        SmtpScript script = SmtpScript.builder()
                .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "<gone@example.com>: no such user"))
                .build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            RelayResult result = send(server, TestRequests.to("a@example.com", "gone@example.com", "c@example.com"));

            assertThat(result.accepted()).extracting(RecipientResult::recipient)
                    .containsExactly("a@example.com", "c@example.com");
            assertThat(result.permanentlyRejected()).singleElement().satisfies(r -> {
                assertThat(r.recipient()).isEqualTo("gone@example.com");
                assertThat(r.reply()).isEqualTo(SmtpReply.of(550, "5.1.1", "<gone@example.com>: no such user"));
            });
            assertThat(server.awaitMessages(1, WAIT).get(0).recipients())
                    .containsExactly("a@example.com", "c@example.com");
        }
    }

    @ParameterizedTest(name = "pipelining {0}")
    @ValueSource(booleans = {true, false})
    void whenEveryRecipientIsRefusedNoMessageDataIsSentAndTheSessionIsReset(boolean pipelining) {
        SmtpScript.Builder script = SmtpScript.builder().on("RCPT", Response.reply(550, "5.1.1", "no such user"));
        if (!pipelining) {
            script.withoutPipelining();
        }
        try (ScriptedSmtpServer server = script.start()) {
            RelayResult result = send(server, TestRequests.to("a@example.com", "b@example.com"));

            assertThat(result.allPermanentlyRejected()).isTrue();
            assertThat(result.finalReply()).isEqualTo(SmtpReply.of(550, "5.1.1", "no such user"));
            List<String> verbs = server.sessions().get(0).verbs();
            assertThat(verbs).startsWith("EHLO", "MAIL", "RCPT", "RCPT").contains("RSET");
            assertThat(verbs.contains("DATA")).isEqualTo(pipelining); // pipelined DATA is refused with 554
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void aTemporarilyRefusedRecipientIsReportedAsTransientWhileTheOthersAreDelivered() {
        SmtpScript script = SmtpScript.builder()
                .onRecipient("full@example.com", Response.reply(450, "4.2.2", "mailbox full"))
                .build();

        RelayResult result = send(script, TestRequests.to("full@example.com", "b@example.com"));

        assertThat(result.anyTransientFailure()).isTrue();
        assertThat(result.transientlyFailed()).singleElement()
                .satisfies(r -> assertThat(r.reply()).isEqualTo(SmtpReply.of(450, "4.2.2", "mailbox full")));
        assertThat(result.accepted()).extracting(RecipientResult::recipient).containsExactly("b@example.com");
    }

    @ParameterizedTest(name = "pipelining {0}")
    @ValueSource(booleans = {true, false})
    void aRefusedMailFromIsEveryRecipientsReply(boolean pipelining) {
        SmtpScript.Builder script = SmtpScript.builder().on("MAIL", Response.reply(451, "4.3.0", "try later"));
        if (!pipelining) {
            script.withoutPipelining();
        }
        try (ScriptedSmtpServer server = script.start()) {
            RelayResult result = send(server, TestRequests.to("a@example.com", "b@example.com"));

            assertThat(result.recipients()).extracting(RecipientResult::reply)
                    .containsOnly(SmtpReply.of(451, "4.3.0", "try later"));
            assertThat(result.finalReply()).isEqualTo(SmtpReply.of(451, "4.3.0", "try later"));
            assertThat(server.messages()).isEmpty();
            if (!pipelining) {
                assertThat(server.sessions().get(0).verbs()).doesNotContain("RCPT");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"554 5.7.1 message content rejected", "451 4.3.0 queue file write error"})
    void theReplyToTheEndOfDataIsTheReplyOfEveryAcceptedRecipient(String wire) {
        SmtpReply refusal = SmtpReply.parse(List.of(wire));
        SmtpScript script = SmtpScript.builder()
                .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "no such user"))
                .onDataEnd(Response.reply(refusal))
                .build();

        RelayResult result = send(script, TestRequests.to("a@example.com", "gone@example.com", "c@example.com"));

        assertThat(result.finalReply()).isEqualTo(refusal);
        assertThat(result.recipients()).extracting(RecipientResult::reply)
                .containsExactly(refusal, SmtpReply.of(550, "5.1.1", "no such user"), refusal);
    }

    @Test
    void aRefusedDataCommandIsTheReplyOfTheAcceptedRecipients() {
        SmtpScript script = SmtpScript.builder().withoutPipelining()
                .on("DATA", Response.reply(451, "4.3.2", "system not accepting messages"))
                .build();

        RelayResult result = send(script, TestRequests.to("a@example.com"));

        assertThat(result.recipients()).extracting(RecipientResult::reply)
                .containsExactly(SmtpReply.of(451, "4.3.2", "system not accepting messages"));
    }

    @Test
    void aRefusedConnectionIsATemporaryFailureForEveryRecipient() {
        HostPort closedPort;
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            closedPort = server.address();
        }

        RelayResult result = send(closedPort, TestOutbound.settings().build(), TestRequests.to("a@example.com", "b@c"));

        assertThat(result.recipients()).extracting(RecipientResult::reply).containsOnly(SmtpReply.of(451, "4.4.1",
                "next hop " + closedPort + " unreachable: Connection refused"));
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void aNextHopThatNeverGreetsTimesOutAsATemporaryFailure() {
        SmtpScript script = SmtpScript.builder().greeting(Response.hang()).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            RelayResult result = send(server.address(), TestOutbound.settings().connectTimeout(SHORT).build(),
                    TestRequests.to("a@example.com"));

            assertThat(result.finalReply()).isEqualTo(SmtpReply.of(451, "4.4.2",
                    "next hop " + server.address() + " timed out after 500ms waiting for the greeting"));
            assertThat(result.recipients()).extracting(RecipientResult::reply).containsOnly(result.finalReply());
        }
    }

    @Test
    void noReplyAfterTheMessageDataIsATemporaryFailureButEarlierRefusalsStand() {
        SmtpScript script = SmtpScript.builder()
                .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "no such user"))
                .onDataEnd(Response.hang())
                .build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            RelayResult result = send(server.address(), TestOutbound.settings().dataTimeout(SHORT).build(),
                    TestRequests.to("a@example.com", "gone@example.com"));

            SmtpReply timeout = SmtpReply.of(451, "4.4.2", "next hop " + server.address()
                    + " timed out after 500ms waiting for the reply to the end of the message data");
            assertThat(result.finalReply()).isEqualTo(timeout);
            assertThat(result.recipients()).extracting(RecipientResult::reply)
                    .containsExactly(timeout, SmtpReply.of(550, "5.1.1", "no such user"));
        }
    }

    @Test
    void aGarbageReplyIsATemporaryFailure() {
        SmtpScript script = SmtpScript.builder().on("MAIL", Response.raw("HELLO, I am not an SMTP server")).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            RelayResult result = send(server, TestRequests.to("a@example.com"));

            assertThat(result.finalReply())
                    .isEqualTo(SmtpReply.of(451, "4.5.0", "next hop " + server.address() + " sent a malformed reply"));
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void aServerClosingWith421PassesItsReplyToTheRecipientsNotYetDecided() {
        SmtpReply closing = SmtpReply.of(421, "4.4.5", "too many recipients, closing");
        SmtpScript script = SmtpScript.builder()
                .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "no such user"))
                .onRecipient("third@example.com", Response.reply(closing))
                .build();

        RelayResult result = send(script, TestRequests.to("a@example.com", "gone@example.com", "third@example.com"));

        assertThat(result.recipients()).extracting(RecipientResult::reply)
                .containsExactly(closing, SmtpReply.of(550, "5.1.1", "no such user"), closing);
    }

    @Test
    void aNextHopThatRefusesTheSessionIsATemporaryFailureQuotingIt() {
        SmtpScript script = SmtpScript.builder().greeting(Response.reply(554, "5.3.2", "not now")).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            RelayResult result = send(server, TestRequests.to("a@example.com"));

            assertThat(result.finalReply()).isEqualTo(SmtpReply.of(451, "4.3.0",
                    "next hop " + server.address() + " refused the session: 554 5.3.2 not now"));
        }
    }

    @Test
    void aMessageLargerThanTheNextHopsSizeLimitIsRefusedWithoutSendingIt() {
        try (ScriptedSmtpServer server = SmtpScript.builder().sizeLimit(10).start()) {
            RelayResult result = send(server, TestRequests.to("a@example.com"));

            assertThat(result.allPermanentlyRejected()).isTrue();
            assertThat(result.finalReply().enhanced()).isEqualTo("5.3.4");
            assertThat(server.sessions().get(0).verbs()).doesNotContain("MAIL");
        }
    }

    @Test
    void theSessionEndsWithQuitWhenTheClientCloses() {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            send(server, TestRequests.to("a@example.com"));

            server.awaitConnectionsClosed(1, WAIT);
            RecordedSession session = server.sessions().get(0);
            assertThat(session.quit()).isTrue();
        }
    }

    private static RelayResult send(SmtpScript script, RelayRequest request) {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            return send(server, request);
        }
    }

    private static RelayResult send(ScriptedSmtpServer server, RelayRequest request) {
        return send(server.address(), TestOutbound.settings().build(), request);
    }

    private static RelayResult send(HostPort hop, OutboundSettings settings, RelayRequest request) {
        try (RelayClient client = new RelayClient(hop, settings, "relay.test")) {
            return client.send(request);
        }
    }
}
