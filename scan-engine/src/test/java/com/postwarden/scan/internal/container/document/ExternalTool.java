package com.postwarden.scan.internal.container.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool a test builds its samples with; a missing tool fails the test, never skips it. */
public final class ExternalTool {
    private ExternalTool() {
    }

    /** Runs {@code command} in {@code directory}; asserts it exits 0 within a minute; returns its output. */
    public static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is required by this test: install its Debian package", e);
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(command[0] + " finishes").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + text).isZero();
        return text;
    }
}
