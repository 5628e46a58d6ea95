package com.postwarden.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.smtp.spool.MessageContent;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import com.postwarden.smtp.testing.TestConfig;
import com.postwarden.smtp.transaction.ClientInfo;
import com.postwarden.smtp.transaction.Envelope;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationTest {
    @TempDir
    Path dir;

    private static ReceivedMessage message() throws Exception {
        return new ReceivedMessage("T1", new ClientInfo(InetAddress.getLoopbackAddress(), "client.test", true, false,
                Optional.empty()), new Envelope("a@example.net", List.of("b@example.com"), 0, false), Instant.now(),
                MessageContent.of("Subject: x\r\n\r\ny\r\n".getBytes()));
    }

    @Test
    void aRetiredGenerationKeepsServingTheMessagesAlreadyUsingItAndClosesAfterTheLast() throws Exception {
        try (ScriptedSmtpServer nextHop = SmtpScript.builder().start()) {
            Generation generation = new Generation(TestConfig.parse("smtp:\n  nextHop: 127.0.0.1:" + nextHop.port()
                    + "\ndataDir: " + dir + "\n"), java.util.Optional.empty(), java.util.Optional.empty());
            assertThat(generation.enter()).isTrue();
            generation.retire();
            assertThat(generation.enter()).as("no new message after retirement").isFalse();
            assertThat(generation.processor().receive(message()).code()).isEqualTo(250);
            generation.leave();
            assertThatThrownBy(() -> generation.processor().receive(message()))
                    .as("relay client closed once the last message left")
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
