package com.postwarden.smtp.relay;

import com.postwarden.policies.config.HostPort;
import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.policies.config.TlsMode;
import com.postwarden.smtp.reply.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Opens sessions to the next hop: TCP connect, greeting, EHLO (HELO for servers that refuse EHLO), STARTTLS as
 * the {@link TlsMode} says and EHLO again over TLS (RFC 3207 section 4.2). Stateless apart from its TLS set-up;
 * thread-safe.
 */
final class SessionOpener {
    private static final Logger log = LoggerFactory.getLogger(SessionOpener.class);

    private final HostPort hop;
    private final OutboundSettings settings;
    private final String heloName;
    private final WriteWatchdog watchdog;
    private final SSLSocketFactory tlsFactory;
    private final SSLParameters tlsParameters;

    SessionOpener(HostPort hop, OutboundSettings settings, String heloName, WriteWatchdog watchdog) {
        this.hop = hop;
        this.settings = settings;
        this.heloName = heloName;
        this.watchdog = watchdog;
        boolean verify = settings.tls() == TlsMode.REQUIRED;
        this.tlsFactory = verify ? TlsContexts.verified(settings.trustedCertificates()) : TlsContexts.opportunistic();
        this.tlsParameters = verify ? TlsContexts.verifiedParameters() : TlsContexts.opportunisticParameters();
    }

    /**
     * A ready session: greeted, EHLO done, TLS started when the mode asks for it. With opportunistic TLS a failed
     * handshake is retried once in plain text, as RFC 7435 section 3 allows.
     *
     * @throws IOException a {@link RelayFailure} when the reply is already decided, else the network's exception
     */
    SmtpConnection open() throws IOException {
        try {
            return open(settings.tls());
        } catch (SSLException e) {
            if (settings.tls() != TlsMode.OPPORTUNISTIC) {
                throw e;
            }
            log.warn("TLS handshake with next hop {} failed ({}); delivering without TLS", hop, e.getMessage());
            return open(TlsMode.OFF);
        }
    }

    private SmtpConnection open(TlsMode mode) throws IOException {
        SmtpConnection connection = new SmtpConnection(connect(), hop, watchdog, settings.commandTimeout());
        try {
            SmtpReply greeting = connection.read(settings.connectTimeout(), "the greeting");
            if (greeting.code() != 220) {
                throw new RelayFailure(RelayReplies.sessionRefused(hop, greeting));
            }
            hello(connection);
            if (mode != TlsMode.OFF) {
                startTls(connection, mode);
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.abort();
            throw e;
        }
    }

    private Socket connect() throws IOException {
        InetSocketAddress address = new InetSocketAddress(hop.host(), hop.port());
        if (address.isUnresolved()) {
            throw new RelayFailure(RelayReplies.hostNotFound(hop));
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // commands and data are buffered and flushed whole
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
            return socket;
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new RelayFailure(RelayReplies.unreachable(hop, "connection timed out after "
                    + RelayReplies.format(settings.connectTimeout())));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void hello(SmtpConnection connection) throws IOException {
        SmtpReply ehlo = connection.command("EHLO " + heloName, settings.commandTimeout());
        if (ehlo.isPositive()) {
            connection.capabilities(Capabilities.fromEhlo(ehlo));
            return;
        }
        SmtpReply helo = connection.command("HELO " + heloName, settings.commandTimeout());
        if (!helo.isPositive()) {
            throw new RelayFailure(RelayReplies.sessionRefused(hop, helo));
        }
        connection.capabilities(Capabilities.NONE);
    }

    private void startTls(SmtpConnection connection, TlsMode mode) throws IOException {
        boolean required = mode == TlsMode.REQUIRED;
        if (!connection.capabilities().startTls()) {
            if (required) {
                connection.quit(settings.commandTimeout());
                throw new RelayFailure(RelayReplies.tlsNotOffered(hop));
            }
            return;
        }
        SmtpReply reply = connection.command("STARTTLS", settings.commandTimeout());
        if (reply.code() != 220) {
            if (required) {
                throw new RelayFailure(RelayReplies.tlsRefused(hop, reply));
            }
            log.debug("next hop {} refused STARTTLS ({}); continuing without TLS", hop, reply);
            return;
        }
        connection.startTls(tlsFactory, tlsParameters, settings.commandTimeout());
        hello(connection);
    }
}
