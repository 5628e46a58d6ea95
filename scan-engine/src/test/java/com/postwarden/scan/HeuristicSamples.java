package com.postwarden.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Samples and engines for heuristic tests: real programs (ClamAV's harmless {@code clam.exe}, {@code /bin/true}),
 * messages carrying attachments, archives built by the real tools (a missing tool fails the test), and an engine
 * whose only signature is EICAR, so programs are judged by the heuristics alone.
 */
final class HeuristicSamples {
    static final Path CLAM_EXE = Path.of("/usr/share/clamav-testfiles/clam.exe");
    static final Path BIN_TRUE = Path.of("/bin/true");
    private static final long TIMEOUT_SECONDS = 60;

    private HeuristicSamples() {
    }

    /** A signature database of the EICAR test file only. */
    static SignatureDatabase eicarOnlyDatabase(Path directory) throws IOException {
        Files.createDirectories(directory);
        byte[] eicar = DemoDatabase.eicar();
        Files.writeString(directory.resolve("eicar.hdb"),
                md5(eicar) + ":" + eicar.length + ":" + DemoDatabase.EICAR_NAME + "\n", StandardCharsets.US_ASCII);
        return SignatureDatabase.load(directory);
    }

    static ScanEngine engine(SignatureDatabase database, Path temp, HeuristicSettings settings) {
        return engine(database, temp, settings, ScanLimits.DEFAULTS);
    }

    static ScanEngine engine(SignatureDatabase database, Path temp, HeuristicSettings settings, ScanLimits limits) {
        return ScanEngine.builder(database).temporaryDirectory(temp).heuristics(settings).limits(limits).build();
    }

    static ScanReport scanMail(ScanEngine engine, byte[] message) throws IOException {
        return engine.scanMail(new ByteArrayInputStream(message), "msg");
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + " (is clamav-testfiles installed?)", e);
        }
    }

    /** One attachment of a test message. */
    record Attachment(String filename, String contentType, byte[] bytes) {
    }

    /** A MIME message with a text part and one base64 attachment of the declared {@code contentType}. */
    static byte[] mail(String filename, String contentType, byte[] attachment) {
        return mail(new Attachment(filename, contentType, attachment));
    }

    /** A MIME message with a text part and the attachments, base64 encoded, names in RFC 2231 form. */
    static byte[] mail(Attachment... attachments) {
        StringBuilder text = new StringBuilder("From: alice@example.net\r\n"
                + "To: bob@example.com\r\n"
                + "Subject: documents\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "Please find the files attached.\r\n");
        for (Attachment attachment : attachments) {
            text.append("--b1\r\n")
                    .append("Content-Type: ").append(attachment.contentType()).append("\r\n")
                    .append("Content-Disposition: attachment; filename*=utf-8''")
                    .append(percentEncode(attachment.filename())).append("\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n")
                    .append("\r\n")
                    .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(attachment.bytes()))
                    .append("\r\n");
        }
        text.append("--b1--\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] mail(String filename, byte[] attachment) {
        return mail(filename, "application/octet-stream", attachment);
    }

    /** RFC 2231 encoding, so names with spaces and bidi controls arrive exactly. */
    private static String percentEncode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_') {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** Runs a command in {@code directory}; fails the test unless it exits 0. */
    static void run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s finished", List.of(command))
                    .isTrue();
            assertThat(process.exitValue())
                    .as("%s exit code; output:%n%s", List.of(command), new String(output, StandardCharsets.UTF_8))
                    .isZero();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + List.of(command) + " (is the tool installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + List.of(command), e);
        }
    }

    /** Copies {@code source} into {@code directory} as {@code name}; returns the copy. */
    static Path copy(Path source, Path directory, String name) throws IOException {
        Path target = directory.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, read(source));
        return target;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
