package com.postwarden.scan.internal.container.text;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.CLAM_EXE_MD5;
import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.ExternalTool;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages written with Jakarta Mail (Angus), uuencoded blocks written with uuencode (Debian sharutils). */
class MailUnpackerTest {
    private static final Session SESSION = Session.getInstance(new Properties());
    private final byte[] clamExe = clamAvTestFile("clam.exe");

    @TempDir
    Path dir;

    @Test
    void base64AndQuotedPrintableAttachmentsDecodeByteExact() throws Exception {
        byte[] text = "Totals=42\r\nno line break at the end: caf\u00e9 \u2014 ok".getBytes(StandardCharsets.UTF_8);
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(textPart("See the attachments."));
        multipart.addBodyPart(attachment("clam.exe", clamExe, "base64"));
        multipart.addBodyPart(attachment("totals.txt", text, "quoted-printable"));

        RecordingEntries entries = unpack(message(multipart));

        assertThat(entries.entries()).containsOnlyKeys("part-1", "clam.exe", "totals.txt");
        assertThat(entries.entries().get("clam.exe")).isEqualTo(clamExe);
        assertThat(entries.entries().get("totals.txt")).isEqualTo(text);
        assertThat(new String(message(multipart), StandardCharsets.US_ASCII)).contains("=3D42");
    }

    @Test
    void aForwardedMessageIsHandedOverAsAMessageTheEngineOpensInTurn() throws Exception {
        MimeMultipart inner = new MimeMultipart();
        inner.addBodyPart(textPart("inner"));
        inner.addBodyPart(attachment("clam.exe", clamExe, "base64"));
        MimeMessage forwarded = new MimeMessage(SESSION);
        forwarded.setSubject("original");
        forwarded.setFrom("a@example.com");
        forwarded.setContent(inner);
        forwarded.saveChanges();
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(forwarded, "message/rfc822");
        MimeMultipart outer = new MimeMultipart();
        outer.addBodyPart(textPart("forwarding"));
        outer.addBodyPart(wrapper);

        byte[] message = message(outer);

        RecursiveUnpacking.assertYieldsClamExe(message, "MAIL > MAIL > PE");
    }

    @Test
    void anMboxOfThreeMessagesHandsOverEachMessage() throws Exception {
        ByteArrayOutputStream mbox = new ByteArrayOutputStream();
        for (int i = 1; i <= 3; i++) {
            MimeMultipart multipart = new MimeMultipart();
            multipart.addBodyPart(textPart("message " + i + "\r\n\r\nFrom the desk of nobody"));
            multipart.addBodyPart(attachment("file" + i + ".bin", ("payload " + i).getBytes(StandardCharsets.US_ASCII),
                    "base64"));
            mbox.writeBytes(("From sender" + i + "@example.com Mon Jan  1 00:00:0" + i + " 2024\n")
                    .getBytes(StandardCharsets.US_ASCII));
            mbox.writeBytes(new String(message(multipart), StandardCharsets.US_ASCII).replace("\r\n", "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            mbox.write('\n');
        }

        RecordingEntries entries = unpack(mbox.toByteArray());

        assertThat(entries.entries()).containsOnlyKeys("message-1", "message-2", "message-3");
        List<RecursiveUnpacking.Found> found = RecursiveUnpacking.unpackAll(mbox.toByteArray());
        assertThat(found).filteredOn(f -> f.names().size() == 2 && f.names().get(1).startsWith("file"))
                .extracting(f -> new String(f.bytes(), StandardCharsets.US_ASCII))
                .containsExactly("payload 1", "payload 2", "payload 3");
        assertThat(found).filteredOn(f -> f.names().size() == 1)
                .allSatisfy(f -> assertThat(f.types().get(1)).isEqualTo(FileType.MAIL));
    }

    @Test
    void aUuencodedBlockLateInATextPartIsHandedOverAgainFromItsBeginLine() throws Exception {
        Files.write(dir.resolve("clam.exe"), clamExe);
        String uuencoded = ExternalTool.run(dir, "uuencode", "clam.exe", "clam.exe");
        String body = "A long letter.\r\n".repeat(400) + uuencoded.replace("\n", "\r\n");
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(textPart(body));

        byte[] message = message(multipart);

        assertThat(unpack(message).entries()).containsKeys("part-1", "part-1.uu");
        RecursiveUnpacking.assertYieldsClamExe(message, "MAIL > UUENCODE > PE");
    }

    @Test
    void hostileHeadersAreCutNotRefused() throws Exception {
        String hostile = "Subject: " + "x".repeat(200_000) + "\r\n" + "X-Spam: y\r\n".repeat(20_000);
        String raw = "From: a@example.com\r\nTo: b@example.com\r\n" + hostile
                + "MIME-Version: 1.0\r\nContent-Type: application/octet-stream; name=clam.exe\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(clamExe) + "\r\n";

        RecordingEntries entries = unpack(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(entries.entries()).containsOnlyKeys("clam.exe");
        assertThat(RecursiveUnpacking.md5Of(entries.entries().get("clam.exe"))).isEqualTo(CLAM_EXE_MD5);
    }

    @Test
    void aTruncatedMessageHandsOverItsPartsAsFarAsTheyGo() throws Exception {
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(textPart("first"));
        multipart.addBodyPart(attachment("clam.exe", clamExe, "base64"));
        byte[] message = message(multipart);
        byte[] truncated = java.util.Arrays.copyOf(message, message.length - 300);

        RecordingEntries entries = unpack(truncated);

        assertThat(entries.entries()).containsKeys("part-1", "clam.exe");
        assertThat(entries.entries().get("clam.exe")).hasSizeLessThan(clamExe.length);
    }

    private static MimeBodyPart textPart(String text) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8");
        return part;
    }

    private static MimeBodyPart attachment(String name, byte[] bytes, String encoding) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
        part.setFileName(name);
        part.setHeader("Content-Transfer-Encoding", encoding);
        return part;
    }

    private static byte[] message(MimeMultipart multipart) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom("sender@example.com");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "rcpt@example.com");
        message.setSubject("test");
        message.setContent(multipart);
        message.saveChanges();
        // saveChanges picks encodings itself; the parts' explicit Content-Transfer-Encoding headers stay
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static RecordingEntries unpack(byte[] mail) throws IOException {
        RecordingEntries entries = new RecordingEntries();
        new MailUnpacker().unpack(Content.of(mail), entries);
        return entries;
    }
}
