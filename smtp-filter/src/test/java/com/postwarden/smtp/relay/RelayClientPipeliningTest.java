package com.postwarden.smtp.relay;

import com.postwarden.smtp.testing.ReceivedCommand;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 2920: with PIPELINING, MAIL, RCPT and DATA reach the server before it has sent a reply to any of them;
 * without, each waits for the reply to the one before.
 */
class RelayClientPipeliningTest {

    @Test
    void mailRcptAndDataArriveTogetherWhenTheNextHopOffersPipelining() {
        List<ReceivedCommand> transaction = transaction(SmtpScript.builder().build(), 3);

        assertThat(transaction).extracting(ReceivedCommand::verb).containsExactly("MAIL", "RCPT", "RCPT", "RCPT", "DATA");
        assertThat(transaction).extracting(ReceivedCommand::repliesSentBefore).containsOnly(
                transaction.get(0).repliesSentBefore());
    }

    @Test
    void eachCommandWaitsForTheReplyToTheOneBeforeWithoutPipelining() {
        List<ReceivedCommand> transaction = transaction(SmtpScript.builder().withoutPipelining().build(), 3);

        int first = transaction.get(0).repliesSentBefore();
        assertThat(transaction).extracting(ReceivedCommand::repliesSentBefore)
                .containsExactly(first, first + 1, first + 2, first + 3, first + 4);
    }

    @Test
    void aLongRecipientListIsPipelinedInGroupsSoThatNeitherSideBlocks() {
        List<ReceivedCommand> transaction = transaction(SmtpScript.builder().build(), 250);

        int first = transaction.get(0).repliesSentBefore();
        int limit = MailTransaction.MAX_PIPELINED_COMMANDS;
        assertThat(transaction).hasSize(252);
        assertThat(transaction.subList(0, limit)).extracting(ReceivedCommand::repliesSentBefore).containsOnly(first);
        assertThat(transaction.get(limit).repliesSentBefore()).isEqualTo(first + limit);
        assertThat(transaction.get(251).repliesSentBefore()).isEqualTo(first + 2 * limit);
    }

    /** The commands of the one transaction, MAIL to DATA. */
    private static List<ReceivedCommand> transaction(SmtpScript script, int recipients) {
        String[] addresses = IntStream.range(0, recipients).mapToObj(i -> "r" + i + "@example.com")
                .toArray(String[]::new);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script);
             RelayClient client = new RelayClient(server.address(), TestOutbound.settings().build(), "relay.test")) {
            assertThat(client.send(TestRequests.to(addresses)).allAccepted()).isTrue();
            List<ReceivedCommand> commands = server.sessions().get(0).commands();
            int mail = commands.stream().map(ReceivedCommand::verb).toList().indexOf("MAIL");
            int data = commands.stream().map(ReceivedCommand::verb).toList().indexOf("DATA");
            return commands.subList(mail, data + 1);
        }
    }
}
