package com.postwarden.smtp.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.smtp.spool.MessageContent;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in its own JVM with a heap smaller than the attachment (see the {@code bounded-heap} execution in the
 * POM), so a parser that held a part whole would fail here with an OutOfMemoryError.
 */
@Tag("bounded-heap")
class LargeMessageTest {
    private static final int ATTACHMENT_SIZE = 20 * 1024 * 1024;

    @Test
    void aTwentyMegabyteBase64AttachmentIsParsedFromDiskWithBoundedMemory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.eml");
        String expectedSha256 = writeMessage(file);
        MessageContent content = fileContent(file);

        ParsedMessage message = new MessageParser(MimeLimits.defaults()).parse(content);

        assertThat(message.textParts()).singleElement().extracting(TextPart::text).isEqualTo("see attachment");
        assertThat(message.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.path()).isEqualTo("2");
            assertThat(attachment.filename()).contains("backup.bin");
            assertThat(attachment.size()).isEqualTo(ATTACHMENT_SIZE);
            assertThat(attachment.sha256()).isEqualTo(expectedSha256);
        });
        assertThat(message.defects()).isEmpty();
        assertThat(message.isComplete()).isTrue();
    }

    @Test
    void aTwentyMegabyteTextPartKeepsOnlyTheTextLimit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("text.eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Subject: long\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = ("x".repeat(78) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < ATTACHMENT_SIZE; written += line.length) {
                out.write(line);
            }
        }

        ParsedMessage message = new MessageParser(MimeLimits.defaults()).parse(fileContent(file));

        assertThat(message.textParts()).singleElement().satisfies(part -> {
            assertThat(part.text()).hasSize((int) MimeLimits.defaults().maxTextPerPart().bytes());
            assertThat(part.truncated()).isTrue();
            assertThat(part.size()).isGreaterThanOrEqualTo(ATTACHMENT_SIZE);
        });
    }

    /** Writes a multipart message with {@value #ATTACHMENT_SIZE} random bytes in base64; returns their SHA-256. */
    private static String writeMessage(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(String.join("\r\n",
                    "Subject: backup",
                    "MIME-Version: 1.0",
                    "Content-Type: multipart/mixed; boundary=\"outer\"",
                    "",
                    "--outer",
                    "Content-Type: text/plain; charset=us-ascii",
                    "",
                    "see attachment",
                    "--outer",
                    "Content-Type: application/octet-stream",
                    "Content-Disposition: attachment; filename=\"backup.bin\"",
                    "Content-Transfer-Encoding: base64",
                    "",
                    "").getBytes(StandardCharsets.US_ASCII));
            try (OutputStream base64 = Base64.getMimeEncoder().wrap(new NonClosing(out));
                 DigestOutputStream digesting = new DigestOutputStream(base64, sha256)) {
                Random random = new Random(42);
                byte[] chunk = new byte[64 * 1024];
                for (int written = 0; written < ATTACHMENT_SIZE; written += chunk.length) {
                    random.nextBytes(chunk);
                    digesting.write(chunk);
                }
            }
            out.write("\r\n--outer--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageContent fileContent(Path file) throws IOException {
        long size = Files.size(file);
        return new MessageContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream openStream() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    /** Lets the base64 encoder finish its last line without closing the file. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
