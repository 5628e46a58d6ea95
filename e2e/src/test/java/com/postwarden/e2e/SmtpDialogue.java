package com.postwarden.e2e;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One SMTP connection driven line by line, for tests that read like a transcript and need to keep a
 * connection open across events (a reload, a shutdown):
 *
 * <pre>{@code
 * try (SmtpDialogue smtp = SmtpDialogue.open(port)) {
 *     assertThat(smtp.greeting().code()).isEqualTo(220);
 *     assertThat(smtp.send("EHLO client.example").code()).isEqualTo(250);
 *     assertThat(smtp.send("RCPT TO:<x@b.test>").text()).startsWith("554 5.7.1");
 * }
 * }</pre>
 *
 * Replies are returned, never checked: the test asserts them. Not thread-safe.
 */
public final class SmtpDialogue implements AutoCloseable {

    private static final int MAX_REPLY_LINE = 4096;

    /**
     * One reply: its code and its full text, lines joined with {@code \n}.
     *
     * @param code 0 if the server closed the connection instead of replying
     */
    public record Reply(int code, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Reply greeting;

    private SmtpDialogue(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.greeting = readReply();
    }

    /** Connects to 127.0.0.1:port and reads the greeting; replies are awaited for up to 60 s. */
    public static SmtpDialogue open(int port) throws IOException {
        return open(port, Duration.ofSeconds(60));
    }

    public static SmtpDialogue open(int port, Duration replyTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) replyTimeout.toMillis());
            socket.setSoTimeout((int) replyTimeout.toMillis());
            return new SmtpDialogue(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public Reply greeting() {
        return greeting;
    }

    /** Sends one command line (CRLF appended) and reads the reply. */
    public Reply send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readReply();
    }

    /**
     * Sends message content after a 354 (dot-stuffed, RFC 5321 section 4.5.2, CRLF added if missing, then the
     * terminating dot line) and reads the reply to the end of data.
     */
    public Reply sendData(byte[] content) throws IOException {
        SmtpData.writeDotStuffed(out, content);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readReply();
    }

    private Reply readReply() throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        do {
            line = readLine();
            if (line == null) {
                return new Reply(0, text.length() == 0 ? "(connection closed)" : text + "\n(connection closed)");
            }
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                throw new IOException("malformed reply line: " + line);
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return new Reply(Integer.parseInt(line.substring(0, 3)), text.toString());
    }

    /** One reply line without CRLF, or null at the end of the stream. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_REPLY_LINE) {
                throw new IOException("reply line longer than " + MAX_REPLY_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
