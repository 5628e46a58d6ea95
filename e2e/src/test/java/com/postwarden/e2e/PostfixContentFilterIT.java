package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway as Postfix's after-queue content filter, the deployment of docs/operations.md: mail injected
 * into Postfix goes to the gateway (with XFORWARD), the gateway relays it to Postfix's re-injection listener,
 * and Postfix delivers it to the final destination ({@link SmtpSink}). Real Postfix, real gateway process.
 */
@Timeout(180)
class PostfixContentFilterIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String MTA = PostfixConfig.HOSTNAME;
    private static final String GATEWAY = GatewayProcess.DEFAULT_HOSTNAME;
    /** Clients of Postfix other than 127.0.0.1, so the original client is not the address the gateway sees. */
    private static final String SWAKS_CLIENT = "127.0.0.2";
    private static final String INJECTOR_CLIENT = "127.0.0.3";
    private static final Pattern STATUS = Pattern.compile("passed; id=([A-Z0-9]+); node=" + Pattern.quote(GATEWAY));

    @Test
    void mailFromPostfixPassesTheGatewayWithItsTraceHeadersAndOtherwiseByteForByteAndTheLogNamesTheOriginalClient()
            throws Exception {
        int gatewayPort = LocalPorts.freePort();
        try (SmtpSink destination = SmtpSink.started();
                PrivatePostfix postfix = PrivatePostfix.builder()
                        .relayTo(destination.port())
                        .contentFilter(gatewayPort)
                        .build();
                GatewayProcess gateway = GatewayProcess.builder()
                        .listenPort(gatewayPort)
                        .nextHop(postfix.reinjectPort())
                        .start()) {
            postfix.start();

            TestMail viaSwaks = TestMail.builder().subject("through the gateway with swaks").body(awkwardBody()).build();
            Swaks.send(postfix.smtpPort(), viaSwaks, InetAddress.getByName(SWAKS_CLIENT));
            List<TestMail> viaInjector = new ArrayList<>();
            viaInjector.add(multipartWithEightBitTextAndAttachment());
            viaInjector.add(TestMail.builder().subject("dots and spaces").body(awkwardBody()).build());
            for (int i = 0; i < 20; i++) {
                viaInjector.add(TestMail.builder().subject("through the gateway " + i).build());
            }
            MailInjector.to(postfix.smtpPort()).localAddress(InetAddress.getByName(INJECTOR_CLIENT)).send(viaInjector);

            List<TestMail> sent = new ArrayList<>(viaInjector);
            sent.add(viaSwaks);
            destination.awaitMessageIds(sent.stream().map(TestMail::messageId).toList(), DELIVERY);
            postfix.awaitEmptyQueue(DELIVERY);

            assertThat(destination.countsByMessageId()).hasSize(sent.size())
                    .allSatisfy((id, count) -> assertThat(count).as("copies of %s", id).isOne());
            Map<String, ReceivedMessage> byId = new HashMap<>();
            destination.messages().forEach(m -> byId.put(m.messageId().orElseThrow(), m));
            assertPassedTheGatewayUnchanged(viaSwaks, byId.get(viaSwaks.messageId()), SWAKS_CLIENT, gateway);
            for (TestMail mail : viaInjector) {
                assertPassedTheGatewayUnchanged(mail, byId.get(mail.messageId()), INJECTOR_CLIENT, gateway);
            }
            assertThat(postfix.maillog())
                    .as("Postfix handed every message to the gateway and got its 250")
                    .containsPattern("relay=127\\.0\\.0\\.1\\[127\\.0\\.0\\.1\\]:" + gatewayPort
                            + ", .*status=sent \\(250 2\\.0\\.0 Ok: [A-Z0-9]+ relayed");
            assertThat(gateway.logLines("outcome=relayed")).hasSize(sent.size());
            assertThat(gateway.logLines("outcome=")).hasSize(sent.size());
        }
    }

    /**
     * The destination got the original bytes, preceded by exactly seven header fields: Postfix's re-injection
     * {@code Received:}, the gateway's {@code Received:}, {@code X-Postwarden-Status:},
     * {@code X-Postwarden-Virus: clean}, {@code X-Spam-Status: No, …} and {@code X-Spam-Score:}, and Postfix's
     * {@code Received:} from the original client. Nothing else was added, removed or changed on the way.
     */
    private static void assertPassedTheGatewayUnchanged(TestMail sent, ReceivedMessage delivered, String client,
            GatewayProcess gateway) {
        assertThat(delivered).as("delivered copy of %s", sent.messageId()).isNotNull();
        assertThat(delivered.envelopeSender()).isEqualTo(sent.envelopeSender());
        assertThat(delivered.recipients()).isEqualTo(sent.recipients());

        byte[] content = delivered.content();
        byte[] original = sent.content();
        assertThat(content.length).as("size of %s", sent.messageId()).isGreaterThan(original.length);
        byte[] prefix = Arrays.copyOfRange(content, 0, content.length - original.length);
        byte[] rest = Arrays.copyOfRange(content, content.length - original.length, content.length);
        assertThat(new String(rest, StandardCharsets.UTF_8))
                .as("the original message, byte for byte, at the end of what arrived (%s)", sent.messageId())
                .isEqualTo(new String(original, StandardCharsets.UTF_8));
        assertThat(rest).isEqualTo(original);

        List<String> fields = fields(prefix);
        assertThat(fields).as("header fields in front of the original message").hasSize(7);
        assertThat(fields.get(0)).startsWith("Received: from ").contains("by " + MTA + " (Postfix)");
        assertThat(fields.get(1)).startsWith("Received: from " + MTA + " ([127.0.0.1])\r\n\tby " + GATEWAY
                + " (Postwarden) with ESMTP id ");
        if (sent.recipients().size() == 1) {
            assertThat(fields.get(1)).contains("\r\n\tfor <" + sent.recipients().get(0) + ">; ");
        }
        assertThat(fields.get(2)).startsWith("X-Postwarden-Status: ");
        assertThat(fields.get(3)).isEqualTo("X-Postwarden-Virus: clean");
        assertThat(fields.get(4)).startsWith("X-Spam-Status: No, score=");
        assertThat(fields.get(5)).startsWith("X-Spam-Score: ");
        assertThat(fields.get(6)).startsWith("Received: from ").contains("[" + client + "]")
                .contains("by " + MTA + " (Postfix)");

        Matcher status = STATUS.matcher(fields.get(2));
        assertThat(status.find()).as("X-Postwarden-Status: %s", fields.get(2)).isTrue();
        String id = status.group(1);
        assertThat(fields.get(1)).contains(" id " + id);
        List<String> logged = gateway.logLines("[message] id=" + id + " ");
        assertThat(logged).as("message log line of %s", id).hasSize(1);
        assertThat(logged.get(0))
                .contains("[message] id=" + id + " client=127.0.0.1 orig_client=" + client + " from=<"
                        + sent.envelopeSender() + "> to=<" + String.join(">,<", sent.recipients()) + ">")
                .contains(" outcome=relayed ");
    }

    /** Splits a block of header fields (CRLF line ends, folded lines kept with their field) into fields. */
    private static List<String> fields(byte[] block) {
        String text = new String(block, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<String> fields = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 2).split("\r\n", -1)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
    }

    /** Lines that trip up SMTP implementations: dots, a lone dot, trailing blanks, a long line, a From_ line. */
    private static String awkwardBody() {
        return "first line\r\n"
                + ".leading dot\r\n"
                + "..two leading dots\r\n"
                + ".\r\n"
                + "trailing blanks   \r\n"
                + "\tindented with a tab\r\n"
                + "\r\n"
                + "\r\n"
                + "From the start of a line, as in an mbox\r\n"
                + "x".repeat(990) + "\r\n"
                + "last line\r\n";
    }

    /** A MIME message with a folded header, an 8-bit UTF-8 text part and a base64 attachment. */
    private static TestMail multipartWithEightBitTextAndAttachment() {
        String id = TestMail.uniqueMessageId();
        byte[] attachment = new byte[3000];
        for (int i = 0; i < attachment.length; i++) {
            attachment[i] = (byte) (i * 31 + 7);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "From: Alice <" + TestMail.DEFAULT_SENDER + ">\r\n"
                + "To: Bob <" + TestMail.DEFAULT_RECIPIENT + ">\r\n"
                + "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= with an attachment and a header that is\r\n"
                + " folded over two lines\r\n"
                + "Date: Sat, 21 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: " + id + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "preamble\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Grüße aus Zürich, naïve café. ✓\r\n"
                + ".a dot line in a part\r\n"
                + "--b1\r\n"
                + "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"data.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encode(attachment));
        out.writeBytes("\r\n--b1--\r\nepilogue\r\n".getBytes(StandardCharsets.US_ASCII));
        return TestMail.raw(TestMail.DEFAULT_SENDER, List.of(TestMail.DEFAULT_RECIPIENT), out.toByteArray());
    }
}
