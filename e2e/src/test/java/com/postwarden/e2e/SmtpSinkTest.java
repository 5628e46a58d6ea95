package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SmtpSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @AutoClose
    private final SmtpSink sink = SmtpSink.started();

    @Test
    void storesEveryMessageWithItsEnvelopeAndCountsThemByMessageId() throws Exception {
        List<String> ids = MailInjector.to(sink.port()).messagesPerConnection(2).sendMany(5);

        List<ReceivedMessage> received = sink.awaitMessageIds(ids, WAIT);

        assertThat(received).hasSize(5);
        assertThat(sink.countsByMessageId()).containsOnlyKeys(ids).allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(received.get(0).envelopeSender()).isEqualTo(TestMail.DEFAULT_SENDER);
        assertThat(received.get(0).recipients()).containsExactly(TestMail.DEFAULT_RECIPIENT);
        assertThat(received.get(0).helo()).isEqualTo("injector.postwarden.test");
    }

    @Test
    void keepsItsPortAndItsMessagesAcrossAStopAndStart() throws Exception {
        int port = sink.port();
        MailInjector.to(port).send(TestMail.builder().build());
        sink.awaitMessages(1, WAIT);

        sink.stop();
        assertThatThrownBy(() -> MailInjector.to(port).send(TestMail.builder().build()))
                .isInstanceOf(IOException.class);
        sink.start();
        MailInjector.to(port).send(TestMail.builder().build());

        assertThat(sink.port()).isEqualTo(port);
        assertThat(sink.awaitMessages(2, WAIT)).hasSize(2);
    }

    @Test
    void deliversDotStuffedLinesUnstuffedAndByteForByte() throws Exception {
        TestMail mail = TestMail.builder().body("first\r\n.leading dot\r\n..two dots\r\n.\r\nlast\r\n").build();

        MailInjector.to(sink.port()).send(mail);

        assertThat(sink.awaitMessages(1, WAIT).get(0).content()).isEqualTo(mail.content());
    }

    @Test
    void advertisesXforwardAndRecordsTheAttributesForTheNextTransaction() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            assertThat(in.readLine()).startsWith("220");
            assertThat(exchange(in, out, "EHLO mta.example")).contains("250-XFORWARD NAME ADDR PORT PROTO HELO");
            assertThat(exchange(in, out, "XFORWARD NAME=client.example ADDR=192.0.2.7 PORT=4711")).startsWith("250");
            assertThat(exchange(in, out, "XFORWARD PROTO=ESMTP HELO=client-helo SOURCE=REMOTE")).startsWith("250");
            assertThat(exchange(in, out, "XFORWARD FOO=bar")).startsWith("501");
            assertThat(exchange(in, out, "MAIL FROM:<a@example.net>")).startsWith("250");
            assertThat(exchange(in, out, "XFORWARD ADDR=192.0.2.8")).startsWith("503");
            assertThat(exchange(in, out, "RCPT TO:<b@postwarden.test>")).startsWith("250");
            assertThat(exchange(in, out, "DATA")).startsWith("354");
            assertThat(exchange(in, out, "Message-ID: <x@test>\r\n\r\nbody\r\n.")).startsWith("250");
            exchange(in, out, "QUIT");
        }

        ReceivedMessage message = sink.awaitMessages(1, WAIT).get(0);

        assertThat(message.xforward()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "NAME", "client.example", "ADDR", "192.0.2.7", "PORT", "4711",
                "PROTO", "ESMTP", "HELO", "client-helo", "SOURCE", "REMOTE"));
        assertThat(message.messageId()).contains("<x@test>");
    }

    /** Sends one line and returns the complete (possibly multi-line) reply. */
    private static String exchange(BufferedReader in, Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        StringBuilder reply = new StringBuilder();
        String replyLine;
        do {
            replyLine = in.readLine();
            reply.append(replyLine).append('\n');
        } while (replyLine != null && replyLine.length() > 3 && replyLine.charAt(3) == '-');
        return reply.toString();
    }
}
