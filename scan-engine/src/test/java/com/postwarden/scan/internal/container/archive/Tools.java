package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real archivers (zip, 7z, tar, cpio, gzip, bzip2, xz, mscompress) to build samples. A missing tool
 * fails the test: the project's setup installs them.
 */
final class Tools {
    private static final long TIMEOUT_SECONDS = 60;

    private Tools() {
    }

    /** Runs a command in {@code directory}; fails the test unless it exits 0. */
    static void run(Path directory, String... command) {
        run(directory, List.of(command));
    }

    /** Runs a shell command line (for pipes and redirections) in {@code directory}. */
    static void shell(Path directory, String commandLine) {
        run(directory, List.of("sh", "-c", "set -e; " + commandLine));
    }

    private static void run(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            assertThat(process.exitValue())
                    .as("%s exit code; output:%n%s", command, new String(output, StandardCharsets.UTF_8))
                    .isZero();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + " (is the tool installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
