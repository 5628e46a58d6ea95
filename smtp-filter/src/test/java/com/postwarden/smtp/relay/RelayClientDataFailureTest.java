package com.postwarden.smtp.relay;

import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.MessageContent;
import com.postwarden.smtp.testing.ScriptedSmtpServer;
import com.postwarden.smtp.testing.SmtpScript;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trouble while the message data is being sent: ours (reading the spool) or the next hop's (not reading). */
class RelayClientDataFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(500);

    @Test
    void aMessageThatCannotBeReadLocallyIsAbortedNotTerminated() {
        MessageContent failing = new MessageContent() {
            @Override
            public long size() {
                return 100_000;
            }

            @Override
            public InputStream openStream() {
                return new InputStream() {
                    private int produced;

                    @Override
                    public int read() throws IOException {
                        if (produced++ >= 70_000) {
                            throw new IOException("disk error");
                        }
                        return 'a';
                    }
                };
            }
        };
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()) {
            RelayResult result = send(server, new RelayRequest("a@b.c", List.of("d@e.f"), failing, false));

            assertThat(result.finalReply()).isEqualTo(SmtpReply.of(451, "4.3.0", "local error reading the message"));
            server.awaitConnectionsClosed(1, WAIT);
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void aNextHopThatStopsReadingTheDataTimesOutInsteadOfBlockingTheSender() {
        SmtpScript script = SmtpScript.builder().stallDuringData().receiveBufferSize(64 * 1024).recordLimit(0).build();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            GeneratedContent large = new GeneratedContent(64L * 1024 * 1024, end -> { });
            RelayResult result = send(server, TestOutbound.settings().dataTimeout(SHORT).build(),
                    new RelayRequest("a@b.c", List.of("d@e.f"), large, true));

            assertThat(result.finalReply().code()).isEqualTo(451);
            assertThat(result.finalReply().enhanced()).isEqualTo("4.4.2");
            assertThat(result.finalReply().text()).contains("timed out");
        }
    }

    private static RelayResult send(ScriptedSmtpServer server, RelayRequest request) {
        return send(server, TestOutbound.settings().build(), request);
    }

    private static RelayResult send(ScriptedSmtpServer server, OutboundSettings settings,
                                    RelayRequest request) {
        try (RelayClient client = new RelayClient(server.address(), settings, "relay.test")) {
            return client.send(request);
        }
    }
}
