package com.postwarden.smtp.message;

import com.postwarden.smtp.spool.MessageContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline's one parse of a received message, in microseconds per message, for the two fixtures of the
 * pass-through benchmark: {@code plain5k} (a 5 KB text message) and {@code attach100k} (a short text and a 75 KB
 * zip attachment of incompressible bytes, about 100 KB in base64).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MessageParserBenchmark {
    private static final String HEADER = """
            From: Alice Example <alice@example.net>\r
            To: Bob Postwarden <bob@postwarden.test>\r
            Subject: Planning notes for next quarter\r
            Date: Mon, 06 Jan 2025 10:00:00 +0000\r
            Message-ID: <bench.20250106100000@example.net>\r
            MIME-Version: 1.0\r
            """;
    private static final String PARAGRAPH = "The planning group met on Tuesday to review the delivery schedule for the\r\n"
            + "next quarter. Please send any comments on the attached timeline to the\r\n"
            + "project list before Friday. Training starts next Monday.\r\n\r\n";

    @Param({"plain5k", "attach100k"})
    public String fixture;

    private final MessageParser parser = new MessageParser(MimeLimits.defaults());
    private MessageContent message;

    @Setup
    public void build() {
        String text = PARAGRAPH.repeat(5000 / PARAGRAPH.length() + 1);
        String source = switch (fixture) {
            case "plain5k" -> HEADER + "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + text;
            case "attach100k" -> HEADER + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                    + "--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + PARAGRAPH
                    + "--b1\r\nContent-Type: application/zip; name=\"data.zip\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=\"data.zip\"\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(zipOfRandomBytes(75_000)) + "\r\n--b1--\r\n";
            default -> throw new IllegalArgumentException("unknown fixture " + fixture);
        };
        message = MessageContent.of(source.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] zipOfRandomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(1).nextBytes(bytes);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("data.bin"));
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    @Benchmark
    public ParsedMessage parse() throws IOException {
        return parser.parse(message);
    }
}
