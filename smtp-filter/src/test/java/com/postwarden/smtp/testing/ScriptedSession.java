package com.postwarden.smtp.testing;

import com.postwarden.smtp.reply.SmtpReply;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The server side of one connection of a {@link ScriptedSmtpServer}: plays the script and records. */
final class ScriptedSession implements Runnable {
    private static final int MAX_COMMAND_LINE = 64 * 1024;

    private final int index;
    private final SmtpScript script;
    private final ScriptedSmtpServer server;
    private final Recorder received;
    private final List<ReceivedCommand> commands = new ArrayList<>();
    private final byte[] line = new byte[MAX_COMMAND_LINE];
    private final ScriptedReplies replies;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private int repliesPending;
    private int repliesSent;
    private volatile boolean tls;
    private volatile boolean quit;
    private volatile boolean ended;
    private String sender;
    private String mailParameters = "";
    private final List<String> recipients = new ArrayList<>();
    private int messages;

    ScriptedSession(int index, Socket socket, SmtpScript script, ScriptedSmtpServer server) throws IOException {
        this.index = index;
        this.script = script;
        this.server = server;
        this.received = new Recorder(script.recordLimit());
        this.replies = new ScriptedReplies(script);
        attach(socket);
    }

    private void attach(Socket newSocket) throws IOException {
        socket = newSocket;
        in = new BufferedInputStream(new RecordingInputStream(newSocket.getInputStream(), received));
        out = new BufferedOutputStream(newSocket.getOutputStream());
    }

    @Override
    public void run() {
        try {
            if (respond(script.greeting().orElse(replies.greeting()))) {
                String line;
                while ((line = readCommand()) != null && handle(line)) {
                    // one command per turn
                }
            }
            out.flush();
        } catch (IOException e) {
            // the client went away, or the server is closing
        } finally {
            close();
            ended = true;
            server.sessionEnded();
        }
    }

    synchronized RecordedSession snapshot() {
        return new RecordedSession(index, commands, received.kept(), tls, quit, ended);
    }

    long bytesReceived() {
        return received.size();
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private boolean handle(String line) throws IOException {
        ReceivedCommand command = new ReceivedCommand(line, repliesSent);
        synchronized (this) {
            commands.add(command);
        }
        String verb = command.verb();
        return switch (verb) {
            case "EHLO", "HELO" -> hello(verb);
            case "MAIL" -> mail(line);
            case "RCPT" -> rcpt(line);
            case "DATA" -> data();
            case "RSET" -> {
                resetTransaction();
                yield respond(scripted(verb).orElse(replies.ok()));
            }
            case "NOOP" -> respond(scripted(verb).orElse(replies.ok()));
            case "QUIT" -> {
                quit = true;
                respond(scripted(verb).orElse(replies.bye()));
                yield false;
            }
            case "STARTTLS" -> startTls();
            default -> respond(scripted(verb).orElse(replies.unknownCommand()));
        };
    }

    private boolean hello(String verb) throws IOException {
        resetTransaction();
        Response normal = verb.equals("EHLO") ? replies.ehlo(!tls) : replies.helo();
        return respond(scripted(verb).orElse(normal));
    }

    private boolean mail(String line) throws IOException {
        Response response = scripted("MAIL").orElse(replies.mailOk());
        if (response.isPositive()) {
            resetTransaction();
            int close = line.indexOf('>');
            sender = line.substring(line.indexOf('<') + 1, Math.max(close, line.indexOf('<') + 1));
            mailParameters = close < 0 ? "" : line.substring(close + 1).trim();
        }
        return respond(response);
    }

    private boolean rcpt(String line) throws IOException {
        String address = line.substring(line.indexOf('<') + 1, Math.max(line.indexOf('>'), line.indexOf('<') + 1));
        Response normal = sender == null ? replies.needMail() : replies.rcptOk();
        Response response = script.recipient(address).or(() -> scripted("RCPT")).orElse(normal);
        if (response.isPositive() && sender != null) {
            recipients.add(address);
        }
        return respond(response);
    }

    private boolean data() throws IOException {
        Response scripted = scripted("DATA").orElse(null);
        if (scripted != null && !(scripted instanceof Response.Reply r && r.reply().code() == 354)) {
            return respond(scripted);
        } else if (sender == null) {
            return respond(replies.needMail());
        } else if (recipients.isEmpty()) {
            return respond(replies.noValidRecipients());
        }
        respond(replies.startData());
        flushReplies();
        if (script.stallDuringData()) {
            server.awaitClose();
            return false;
        }
        Recorder message = MessageDataReader.read(in, script.recordLimit());
        messages++;
        Response end = script.dataEnd().orElse(replies.queued(messages));
        server.messageReceived(new ReceivedMessage(index, sender, mailParameters, recipients, message.size(),
                message.sha256(), message.kept(), tls, end.isPositive()));
        resetTransaction();
        boolean goOn = respond(end);
        if (goOn && script.closeAfterMessages() > 0 && messages >= script.closeAfterMessages()) {
            flushReplies();
            return false;
        }
        return goOn;
    }

    private boolean startTls() throws IOException {
        SSLContext context = script.startTls().orElse(null);
        if (context == null || tls) {
            return respond(scripted("STARTTLS").orElse(replies.unknownCommand()));
        }
        respond(scripted("STARTTLS").orElse(replies.readyForTls()));
        flushReplies();
        Socket plain = socket;
        SSLSocket secure = (SSLSocket) context.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        secure.setUseClientMode(false);
        secure.startHandshake();
        attach(secure);
        tls = true;
        resetTransaction();
        return true;
    }

    private Optional<Response> scripted(String verb) {
        return script.command(verb);
    }

    private boolean respond(Response response) throws IOException {
        if (response instanceof Response.Reply reply) {
            write(reply.reply().toWire());
            return true;
        } else if (response instanceof Response.Raw raw) {
            write(raw.text());
            return true;
        } else if (response instanceof Response.Hang) {
            flushReplies();
            while (in.read() >= 0) {
                // ignore everything until the client or the server gives up
            }
        }
        return false;
    }

    private void write(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        repliesPending++;
    }

    /** Like an RFC 2920 server: replies go out when no more input is waiting, so pipelined commands are seen. */
    private String readCommand() throws IOException {
        if (in.available() == 0) {
            flushReplies();
        }
        int length = 0;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (length == line.length) {
                throw new IOException("command line too long");
            }
            line[length++] = (byte) b;
        }
        if (b < 0) {
            return null;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    private void flushReplies() throws IOException {
        out.flush();
        repliesSent += repliesPending;
        repliesPending = 0;
    }

    private void resetTransaction() {
        sender = null;
        mailParameters = "";
        recipients.clear();
    }
}
