package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Admits connections (per-client limits, refusal while draining) and keeps the gateway's own state of each
 * open session. Thread-safe.
 */
final class SessionRegistry implements SessionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Supplier<SmtpSettings> settings;
    private final Map<Session, SessionState> sessions = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private volatile boolean draining;

    SessionRegistry(Supplier<SmtpSettings> settings) {
        this.settings = settings;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        InetAddress client = session.getRemoteAddress().getAddress();
        SmtpSettings current = settings.get();
        boolean trusted = current.trustedNetworks().contains(client);
        if (draining) {
            return refuse(SmtpReplies.SHUTTING_DOWN);
        }
        int count = perClient.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
        sessions.put(session, new SessionState(trusted));
        if (!trusted && count > current.maxConnectionsPerClient()) {
            onSessionEnd(session); // SubEtha does not report the end of a session it was told to refuse
            LOG.warn("refused connection from {}: {} connections open, limit maxConnectionsPerClient={}",
                    client.getHostAddress(), count - 1, current.maxConnectionsPerClient());
            return refuse(SmtpReplies.TOO_MANY_CONNECTIONS_FROM_CLIENT);
        }
        try {
            session.getSocket().setSoTimeout((int) current.commandTimeout().toMillis());
            // Each reply is flushed on its own; without this, Nagle's algorithm holds the second reply of a
            // pipelined group until the client's delayed ACK (~40 ms on Linux).
            session.getSocket().setTcpNoDelay(true);
        } catch (java.net.SocketException e) {
            LOG.debug("cannot set socket options", e);
        }
        return SessionAcceptance.success();
    }

    private static SessionAcceptance refuse(SmtpReply reply) {
        return SessionAcceptance.failure(reply.code(), reply.enhanced() + " " + reply.text());
    }

    @Override
    public void onSessionEnd(Session session) {
        SessionState state = sessions.remove(session);
        if (state == null) {
            return;
        }
        InetAddress client = session.getRemoteAddress().getAddress();
        java.time.Duration timeout = settings.get().commandTimeout();
        if (state.idle().compareTo(timeout) >= 0) {
            LOG.info("client {} sent no command for commandTimeout={}; disconnected with 421",
                    client.getHostAddress(), timeout);
        }
        perClient.computeIfPresent(client, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** The state of an open session; created when it was admitted. */
    SessionState state(Session session) {
        return sessions.computeIfAbsent(session, s -> new SessionState(
                settings.get().trustedNetworks().contains(s.getRemoteAddress().getAddress())));
    }

    void startDraining() {
        draining = true;
    }

    boolean isDraining() {
        return draining;
    }
}
