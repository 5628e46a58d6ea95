package com.postwarden.smtp.relay;

import com.postwarden.policies.config.HostPort;
import com.postwarden.smtp.reply.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One SMTP client connection to the next hop: commands out, bounded replies in, each with its own timeout.
 * A {@code 421} reply means the server is closing the session (RFC 5321 section 3.8); it is thrown as a
 * {@link RelayFailure} carrying the server's reply, so that no caller mistakes it for an answer to its command.
 *
 * <p>Used by one thread at a time (the pool hands it from one sender to the next); {@link #abort()} may be called
 * from the watchdog's thread.
 */
final class SmtpConnection {
    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);
    private static final int READ_BUFFER = 8 * 1024;
    private static final int WRITE_BUFFER = 64 * 1024;

    private final HostPort peer;
    private final WriteWatchdog watchdog;
    private volatile Socket socket;
    private ReplyReader reader;
    private WriteTimeoutOutputStream guard;
    private OutputStream out;
    private Capabilities capabilities = Capabilities.NONE;
    /** The socket's read timeout as last set, so that an unchanged one is not set again for every reply. */
    private int readTimeoutMillis = -1;

    SmtpConnection(Socket socket, HostPort peer, WriteWatchdog watchdog, Duration writeTimeout)
            throws IOException {
        this.peer = peer;
        this.watchdog = watchdog;
        attach(socket, writeTimeout);
    }

    private void attach(Socket newSocket, Duration writeTimeout) throws IOException {
        socket = newSocket;
        readTimeoutMillis = -1;
        reader = new ReplyReader(new BufferedInputStream(newSocket.getInputStream(), READ_BUFFER));
        guard = new WriteTimeoutOutputStream(newSocket.getOutputStream(), watchdog, this::abort, writeTimeout);
        out = new BufferedOutputStream(guard, WRITE_BUFFER);
    }

    HostPort peer() {
        return peer;
    }

    Capabilities capabilities() {
        return capabilities;
    }

    void capabilities(Capabilities value) {
        capabilities = value;
    }

    boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /** Buffers a command line; nothing is sent before {@link #flush(Duration)}. */
    void send(String command) throws IOException {
        log.debug("{} > {}", peer, command);
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void flush(Duration writeTimeout) throws IOException {
        guard.timeout(writeTimeout);
        out.flush();
    }

    /**
     * Reads the next reply.
     *
     * @param awaiting what the reply answers, for the timeout message: "the greeting", "the reply to RCPT TO"
     */
    SmtpReply read(Duration timeout, String awaiting) throws IOException {
        SmtpReply reply;
        try {
            readTimeout(millis(timeout));
            reply = reader.read();
        } catch (SocketTimeoutException e) {
            throw new RelayFailure(RelayReplies.timedOut(peer, awaiting, timeout), "no reply: " + awaiting);
        }
        log.debug("{} < {}", peer, reply);
        if (reply.code() == 421) {
            throw new RelayFailure(reply, "the next hop is closing the session: " + reply);
        }
        return reply;
    }

    private void readTimeout(int millis) throws IOException {
        if (millis != readTimeoutMillis) {
            socket.setSoTimeout(millis);
            readTimeoutMillis = millis;
        }
    }

    /** Sends one command and reads its reply (lock-step). */
    SmtpReply command(String command, Duration timeout) throws IOException {
        send(command);
        flush(timeout);
        return read(timeout, "the reply to " + verb(command));
    }

    /** The stream for message data; {@link DotStuffingOutputStream#finish()} ends it. */
    DotStuffingOutputStream openData(Duration writeTimeout) {
        guard.timeout(writeTimeout);
        return new DotStuffingOutputStream(out);
    }

    /**
     * Replaces the plain socket by a TLS one over it (RFC 3207) and completes the handshake. Data the server sent
     * before the handshake is discarded with the old reader.
     */
    void startTls(SSLSocketFactory factory, SSLParameters parameters, Duration timeout) throws IOException {
        Socket plain = socket;
        SSLSocket tls = (SSLSocket) factory.createSocket(plain, peer.host(), peer.port(), true);
        tls.setSSLParameters(parameters);
        tls.setUseClientMode(true);
        tls.setSoTimeout(millis(timeout));
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new RelayFailure(RelayReplies.timedOut(peer, "the TLS handshake", timeout), "TLS handshake");
        }
        attach(tls, timeout);
        log.debug("{} TLS started: {} {}", peer, tls.getSession().getProtocol(), tls.getSession().getCipherSuite());
    }

    /** Ends the session politely (RFC 5321 section 4.1.1.10) and closes the socket, whatever the peer does. */
    void quit(Duration timeout) {
        try {
            command("QUIT", timeout);
        } catch (IOException e) {
            log.debug("{} QUIT: {}", peer, e.getMessage());
        } finally {
            abort();
        }
    }

    /** Closes the socket at once; a blocked read or write on it fails. */
    void abort() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("{} close: {}", peer, e.getMessage());
        }
    }

    static String verb(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        if (upper.startsWith("MAIL ")) {
            return "MAIL FROM";
        } else if (upper.startsWith("RCPT ")) {
            return "RCPT TO";
        }
        int space = upper.indexOf(' ');
        return space < 0 ? upper : upper.substring(0, space);
    }

    private static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }
}
