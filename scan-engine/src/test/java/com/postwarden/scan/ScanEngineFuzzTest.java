package com.postwarden.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole engine on arbitrary bytes, as a message and as a file: every input gets a verdict, whatever the
 * unpackers and the matcher make of it; nothing escapes but I/O trouble of the spool itself. A normal build
 * replays the committed seeds in {@code ScanEngineFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ScanEngineFuzzTest {
    private static final ScanEngine ENGINE = engine();

    private static ScanEngine engine() {
        try {
            Path signatures = Files.createTempDirectory("fuzz-signatures");
            DemoDatabase.write(signatures);
            Path spool = Files.createTempDirectory("fuzz-spool");
            return ScanEngine.builder(SignatureDatabase.load(signatures))
                    .limits(new ScanLimits(8, 200, 16L << 20, 4L << 20, 100, Duration.ofSeconds(10), 64 * 1024))
                    .temporaryDirectory(spool)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void anyBytesGetAVerdict(byte[] input) throws IOException {
        ScanReport asFile = ENGINE.scan(new ByteArrayInputStream(input), "input");
        ScanReport asMail = ENGINE.scanMail(new ByteArrayInputStream(input), "message");
        assertThat(asFile.verdict()).isNotNull();
        assertThat(asMail.verdict()).isNotNull();
    }
}
