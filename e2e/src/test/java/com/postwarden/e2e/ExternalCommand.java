package com.postwarden.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived external command with a deadline and captures its combined output. */
final class ExternalCommand {

    /** Exit status and combined stdout/stderr of a finished command. */
    record Result(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        String describe() {
            return String.join(" ", command) + " exited " + exitCode
                    + (output.isBlank() ? "" : ":\n" + output.strip());
        }
    }

    private ExternalCommand() {}

    static Result run(Duration timeout, byte[] stdin, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Drain output on a separate thread so a chatty command cannot block on a full pipe.
        OutputCollector collector = new OutputCollector(process.getInputStream());
        collector.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // The command may exit without reading its input; its exit status tells the story.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", command) + " did not finish within " + timeout
                        + "; output so far:\n" + collector.text());
            }
            collector.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        return new Result(List.copyOf(command), process.exitValue(), collector.text());
    }

    static Result run(Duration timeout, String... command) throws IOException {
        return run(timeout, new byte[0], List.of(command));
    }

    /** Like {@link #run(Duration, String...)} but fails unless the exit status is 0. */
    static Result check(Duration timeout, String... command) throws IOException {
        Result result = run(timeout, command);
        if (!result.succeeded()) {
            throw new IOException(result.describe());
        }
        return result;
    }

    private static final class OutputCollector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        OutputCollector(InputStream in) {
            super("external-command-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, n);
                    }
                }
            } catch (IOException e) {
                // Stream closed because the process was killed; keep what was read.
            }
        }

        String text() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
