package com.postwarden.smtp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A plain-socket SMTP client for tests that read like a transcript: {@code send("MAIL FROM:<a@b>")},
 * {@code expect("250 2.1.0")}. It sends exactly the bytes it is given, so tests can pipeline, send bare LFs,
 * or misbehave on purpose. Not thread-safe.
 */
public final class SmtpTestClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpTestClient(Socket socket) throws IOException {
        attach(socket);
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        this.in = new BufferedInputStream(s.getInputStream());
        this.out = s.getOutputStream();
    }

    public static SmtpTestClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(30_000);
        return new SmtpTestClient(socket);
    }

    /** Sends a command line; CRLF is appended. */
    public SmtpTestClient send(String line) throws IOException {
        return raw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes as they are. */
    public SmtpTestClient raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one (possibly multi-line) reply and asserts that its last line starts with {@code prefix}. */
    public List<String> expect(String prefix) throws IOException {
        List<String> lines = readReply();
        assertThat(lines.get(lines.size() - 1)).as("reply %s", lines).startsWith(prefix);
        return lines;
    }

    /** Reads one reply: lines up to the first whose fourth character is a space. */
    public List<String> readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed; reply so far: " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    /** Whether the server closed the connection (reads end of stream). */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** {@code message} as a client sends it after 354: a line starting with "." gets another "." (RFC 5321 4.5.2). */
    public static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        return out.toByteArray();
    }

    /** Runs the usual MAIL; RCPT...; DATA; message; "." dialogue and returns the final reply line. */
    public String sendMessage(String from, List<String> to, byte[] dotStuffedBody) throws IOException {
        send("MAIL FROM:<" + from + ">").expect("250");
        for (String recipient : to) {
            send("RCPT TO:<" + recipient + ">").expect("250");
        }
        send("DATA").expect("354");
        raw(dotStuffedBody);
        raw(".\r\n".getBytes(StandardCharsets.US_ASCII));
        List<String> reply = readReply();
        return reply.get(reply.size() - 1);
    }

    /** Upgrades the connection after a successful STARTTLS reply. */
    public void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        attach(tls);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
