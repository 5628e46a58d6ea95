package com.postwarden.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Sends a message with the {@code swaks} command-line client (installed by
 * scripts/setup-test-env.sh): an independent SMTP implementation, so a test does not depend on
 * {@link MailInjector} alone.
 */
public final class Swaks {

    private static final Path SWAKS = Path.of("/usr/bin/swaks");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Swaks() {}

    /**
     * Sends {@code mail} (content read from stdin, envelope from the mail) to 127.0.0.1:port.
     *
     * @return the swaks transcript
     * @throws IOException if swaks is missing or reports a failure (its transcript is in the message)
     */
    public static String send(int port, TestMail mail) throws IOException {
        return send(port, mail, InetAddress.getLoopbackAddress());
    }

    /** Like {@link #send(int, TestMail)}, connecting from {@code localAddress} (e.g. 127.0.0.2). */
    public static String send(int port, TestMail mail, InetAddress localAddress) throws IOException {
        if (!Files.isExecutable(SWAKS)) {
            throw new IllegalStateException("swaks is not installed (" + SWAKS + " missing); "
                    + PostfixInstallation.SETUP_HINT);
        }
        List<String> command = List.of(SWAKS.toString(),
                "--server", "127.0.0.1", "--port", Integer.toString(port),
                "--local-interface", localAddress.getHostAddress(),
                "--helo", "swaks.postwarden.test",
                "--from", mail.envelopeSender(),
                "--to", String.join(",", mail.recipients()),
                "--data", "-",
                "--timeout", "30");
        ExternalCommand.Result result = ExternalCommand.run(TIMEOUT, withoutFinalLineEnd(mail.content()), command);
        if (!result.succeeded()) {
            throw new IOException(result.describe());
        }
        return result.output();
    }

    /**
     * swaks ends the data with CRLF "." CRLF whether or not the content already ends with a line end, so a
     * final CRLF is removed first; the server then receives exactly {@code content}.
     */
    private static byte[] withoutFinalLineEnd(byte[] content) {
        int n = content.length;
        return n >= 2 && content[n - 2] == '\r' && content[n - 1] == '\n' ? Arrays.copyOf(content, n - 2) : content;
    }
}
