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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A minimal SMTP client (RFC 5321, no extensions used) that injects test mail into a server on
 * 127.0.0.1. It reuses one connection for several messages, and {@link #sendMany} spreads
 * thousands of messages over a bounded number of parallel sessions.
 *
 * <pre>{@code
 * List<String> ids = MailInjector.to(postfix.smtpPort()).sessions(4).sendMany(1000);
 * }</pre>
 *
 * Immutable; each call opens its own connections.
 */
public final class MailInjector {

    private static final int MAX_REPLY_LINE = 4096;

    private final int port;
    private final String helo;
    private final int sessions;
    private final int messagesPerConnection;
    private final Duration timeout;
    private final InetAddress localAddress;

    private MailInjector(int port, String helo, int sessions, int messagesPerConnection, Duration timeout,
            InetAddress localAddress) {
        this.port = port;
        this.helo = helo;
        this.sessions = sessions;
        this.messagesPerConnection = messagesPerConnection;
        this.timeout = timeout;
        this.localAddress = localAddress;
    }

    /**
     * An injector for 127.0.0.1:port: EHLO {@code injector.postwarden.test}, one session, 100 messages per
     * connection, connecting from 127.0.0.1.
     */
    public static MailInjector to(int port) {
        return new MailInjector(port, "injector.postwarden.test", 1, 100, Duration.ofSeconds(60),
                InetAddress.getLoopbackAddress());
    }

    public MailInjector helo(String name) {
        return new MailInjector(port, name, sessions, messagesPerConnection, timeout, localAddress);
    }

    /**
     * The address connections come from, e.g. 127.0.0.2: on Linux every address of 127.0.0.0/8 is local, so a
     * test can make a client look different from the MTA that relays its mail.
     */
    public MailInjector localAddress(InetAddress address) {
        return new MailInjector(port, helo, sessions, messagesPerConnection, timeout,
                Objects.requireNonNull(address, "address"));
    }

    /** Parallel SMTP sessions used by {@link #sendMany}; 1..64. */
    public MailInjector sessions(int count) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("sessions must be 1..64, was " + count);
        }
        return new MailInjector(port, helo, count, messagesPerConnection, timeout, localAddress);
    }

    /** Messages sent over one connection before it is closed and a new one opened. */
    public MailInjector messagesPerConnection(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("messages per connection must be positive, was " + count);
        }
        return new MailInjector(port, helo, sessions, count, timeout, localAddress);
    }

    /** Read timeout for each reply. */
    public MailInjector timeout(Duration replyTimeout) {
        return new MailInjector(port, helo, sessions, messagesPerConnection, replyTimeout, localAddress);
    }

    /**
     * Sends one message on its own connection.
     *
     * @return the server's final reply to the message data, e.g. {@code 250 2.0.0 Ok: queued as 4F2A}
     * @throws SmtpReplyException if any step is refused
     */
    public String send(TestMail mail) throws IOException {
        return send(List.of(mail)).get(0);
    }

    /** Sends the messages in order, reusing connections; returns the final reply to each. */
    public List<String> send(List<TestMail> mails) throws IOException {
        List<String> replies = new ArrayList<>(mails.size());
        for (int start = 0; start < mails.size(); start += messagesPerConnection) {
            try (Connection connection = new Connection()) {
                for (TestMail mail : mails.subList(start, Math.min(mails.size(), start + messagesPerConnection))) {
                    replies.add(connection.transaction(mail));
                }
            }
        }
        return replies;
    }

    /**
     * Sends {@code count} generated messages with unique Message-IDs over the configured number
     * of parallel sessions.
     *
     * @return the Message-IDs sent, in generation order
     */
    public List<String> sendMany(int count) throws IOException, InterruptedException {
        return sendMany(count, i -> TestMail.builder().subject("e2e message " + i).build());
    }

    /** Like {@link #sendMany(int)} with messages made by {@code factory} from their index. */
    public List<String> sendMany(int count, IntFunction<TestMail> factory) throws IOException, InterruptedException {
        List<TestMail> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mails.add(factory.apply(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                List<TestMail> share = new ArrayList<>();
                for (int i = s; i < count; i += sessions) {
                    share.add(mails.get(i));
                }
                results.add(pool.submit(() -> send(share)));
            }
            for (Future<List<String>> result : results) {
                result.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return mails.stream().map(TestMail::messageId).toList();
    }

    /** One SMTP connection: greeting and EHLO on open, QUIT on close. */
    private final class Connection implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;

        Connection() throws IOException {
            try {
                socket.bind(new InetSocketAddress(localAddress, 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                in = new BufferedInputStream(socket.getInputStream());
                out = new BufferedOutputStream(socket.getOutputStream());
                expect("greeting", 220);
                command("EHLO " + helo, "EHLO", 250);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        String transaction(TestMail mail) throws IOException {
            command("MAIL FROM:<" + mail.envelopeSender() + ">", "MAIL FROM", 250);
            for (String recipient : mail.recipients()) {
                command("RCPT TO:<" + recipient + ">", "RCPT TO", 250, 251);
            }
            command("DATA", "DATA", 354);
            SmtpData.writeDotStuffed(out, mail.content());
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return expect("end of data", 250);
        }

        private void command(String line, String stage, int... accepted) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(stage, accepted);
        }

        /** Reads one (possibly multi-line) reply and checks its code. */
        private String expect(String stage, int... accepted) throws IOException {
            StringBuilder reply = new StringBuilder();
            String line;
            do {
                line = readLine();
                if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
                    throw new SmtpReplyException(stage, 0, "malformed reply line: " + line);
                }
                if (reply.length() > 0) {
                    reply.append('\n');
                }
                reply.append(line);
            } while (line.length() > 3 && line.charAt(3) == '-');
            int code = Integer.parseInt(line.substring(0, 3));
            for (int ok : accepted) {
                if (code == ok) {
                    return reply.toString();
                }
            }
            throw new SmtpReplyException(stage, code, reply.toString());
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed by 127.0.0.1:" + port + " after: " + line);
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
            try {
                if (!socket.isClosed()) {
                    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    expect("QUIT", 221);
                }
            } catch (IOException e) {
                // The message replies are what matter; a server that hangs up early is fine.
            } finally {
                socket.close();
            }
        }
    }
}
