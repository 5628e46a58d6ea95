package com.postwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.postwarden.scan.DemoDatabase;
import com.postwarden.smtp.testing.SmtpTestClient;
import com.postwarden.smtp.testing.TestConfig;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The scan stage in the running gateway, GreenMail as the next hop. */
class GatewayScanTest {
    @RegisterExtension
    static final GreenMailExtension NEXT_HOP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    @TempDir
    Path dir;

    private Gateway gateway;

    @BeforeEach
    void start() throws IOException {
        DemoDatabase.write(dir.resolve("signatures"));
        startWith("");
    }

    /** (Re)starts the gateway with {@code scanKeys}, more lines of the {@code scan} section (indented two). */
    private void startWith(String scanKeys) throws IOException {
        if (gateway != null) {
            gateway.stop();
        }
        gateway = new Gateway(TestConfig.parse("smtp:\n  listen: 127.0.0.1:0\n  hostname: gw.test\n  nextHop: 127.0.0.1:"
                + NEXT_HOP.getSmtp().getPort() + "\n  relayDomains: [example.com]\ndataDir: " + dir.resolve("var")
                + "\nscan:\n  database: " + dir.resolve("signatures") + "\n" + scanKeys));
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop();
    }

    private String send(byte[] message) throws IOException {
        try (SmtpTestClient client = SmtpTestClient.connect(gateway.port())) {
            client.expect("220");
            client.send("EHLO client.test").expect("250 ");
            return client.sendMessage("a@example.net", List.of("b@example.com"), message);
        }
    }

    private static byte[] mailWithAttachment(String filename, byte[] attachment) {
        return ("From: a@example.net\r\nTo: b@example.com\r\nSubject: files\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
                + "Attached.\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--b1--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void cleanMailIsRelayedWithTheVirusHeader() throws Exception {
        assertThat(send(mailWithAttachment("notes.txt", "nothing here".getBytes(StandardCharsets.US_ASCII))))
                .startsWith("250 2.0.0");
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = NEXT_HOP.getReceivedMessages()[0];
        assertThat(received.getHeader("X-Postwarden-Virus")).containsExactly("clean");
    }

    @Test
    void mailCarryingEicarInAnArchiveIsRefusedNamingTheSignature() throws Exception {
        String reply = send(mailWithAttachment("invoice.zip", zip("invoice.com", DemoDatabase.eicar())));
        assertThat(reply).startsWith("554 5.7.1").contains("Eicar-Test-Signature");
        assertThat(NEXT_HOP.waitForIncomingEmail(1_000, 1)).as("nothing relayed").isFalse();
    }

    @Test
    void mailThatCannotBeScannedCompletelyPassesMarkedByDefault() throws Exception {
        byte[] noise = new byte[8192];
        new java.util.Random(7).nextBytes(noise);
        byte[] zip = zip("report.bin", noise);
        byte[] damaged = java.util.Arrays.copyOf(zip, zip.length / 2); // cut inside the entry's data
        assertThat(send(mailWithAttachment("report.zip", damaged))).startsWith("250 2.0.0");
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(NEXT_HOP.getReceivedMessages()[0].getHeader("X-Postwarden-Virus")[0])
                .startsWith("unscannable (Heuristics.Broken.Zip");
    }

    @Test
    void anExecutableAttachmentPassesMarkedSuspiciousByDefault() throws Exception {
        byte[] elf = java.nio.file.Files.readAllBytes(Path.of("/bin/true"));
        assertThat(send(mailWithAttachment("tool", elf))).startsWith("250 2.0.0");
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(NEXT_HOP.getReceivedMessages()[0].getHeader("X-Postwarden-Virus"))
                .containsExactly("suspicious (Heuristic.Executable.ELF)");
    }

    @Test
    void aHeuristicSwitchedOffInTheConfigurationFindsNothing() throws Exception {
        startWith("  heuristics:\n    Heuristic.Executable.ELF: off\n");
        byte[] elf = java.nio.file.Files.readAllBytes(Path.of("/bin/true"));
        assertThat(send(mailWithAttachment("tool", elf))).startsWith("250 2.0.0");
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(NEXT_HOP.getReceivedMessages()[0].getHeader("X-Postwarden-Virus")).containsExactly("clean");
    }

    @Test
    void aMaliciousHeuristicRefusesTheMessageNamingTheDetection() throws Exception {
        byte[] program = java.nio.file.Files.readAllBytes(Path.of("/bin/true"));
        String reply = send(mailWithAttachment("invoice.pdf.exe", program));
        assertThat(reply).startsWith("554 5.7.1").contains("Heuristic.Name.DoubleExtension");
        assertThat(NEXT_HOP.waitForIncomingEmail(1_000, 1)).as("nothing relayed").isFalse();
    }

    @Test
    void aRequiredExternalEngineThatIsDownDefersTheMessage() throws Exception {
        startWith("  external:\n    - type: clamd\n      socket: " + dir.resolve("no-clamd.sock")
                + "\n      timeout: 2s\n");
        String reply = send(mailWithAttachment("notes.txt", "nothing here".getBytes(StandardCharsets.US_ASCII)));
        assertThat(reply).startsWith("451 4.7.0").contains("could not be scanned by clamd");
        assertThat(NEXT_HOP.waitForIncomingEmail(1_000, 1)).as("the upstream keeps it").isFalse();
    }

    @Test
    void anOptionalExternalEngineThatIsDownIsNamedInAHeader() throws Exception {
        startWith("  external:\n    - type: clamd\n      socket: " + dir.resolve("no-clamd.sock")
                + "\n      mode: optional\n      timeout: 2s\n");
        assertThat(send(mailWithAttachment("notes.txt", "nothing here".getBytes(StandardCharsets.US_ASCII))))
                .startsWith("250 2.0.0");
        assertThat(NEXT_HOP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = NEXT_HOP.getReceivedMessages()[0];
        assertThat(received.getHeader("X-Postwarden-Virus")).containsExactly("clean");
        assertThat(received.getHeader("X-Postwarden-Engines-Skipped")).singleElement(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("clamd (");
    }
}
