package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian tools that make the test samples. A missing tool fails the test, naming the package the
 * project's setup script must install.
 */
final class Tools {
    private static final Map<String, String> PACKAGES = Map.of(
            "gcab", "gcab", "arj", "arj", "chmcmd", "fp-utils", "chmls", "fp-utils");
    private static final Path CLAMAV_TEST_FILES = Path.of("/usr/share/clamav-testfiles");

    private Tools() {
    }

    /** Runs {@code command} in {@code directory} and fails unless it exits with 0. */
    static void run(Path directory, String... command) {
        String tool = command[0];
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(tool + " is missing: install the Debian package "
                    + PACKAGES.getOrDefault(tool, tool), e);
        }
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed with " + process.exitValue() + ":\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(String.join(" ", command) + " was interrupted", e);
        }
    }

    /** A file of the Debian package clamav-testfiles. */
    static Path clamavTestFile(String name) {
        Path file = CLAMAV_TEST_FILES.resolve(name);
        if (!file.toFile().isFile()) {
            throw new AssertionError(file + " is missing: install the Debian package clamav-testfiles");
        }
        return file;
    }
}
