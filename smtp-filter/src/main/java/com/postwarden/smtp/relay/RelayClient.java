package com.postwarden.smtp.relay;

import com.postwarden.policies.config.HostPort;
import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.smtp.reply.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The SMTP client that hands messages to one next hop (RFC 5321), with connection reuse, PIPELINING (RFC 2920),
 * SIZE (RFC 1870), 8BITMIME (RFC 6152) and STARTTLS (RFC 3207) as {@link OutboundSettings} say.
 *
 * <p><b>Contract.</b> {@link #send} never throws for trouble at the next hop: every outcome, including a refused
 * connection, a timeout or a garbled reply, is a {@link RelayResult} with a reply per recipient. Failures that are
 * not the next hop's decision are temporary ({@code 451}), so the message stays queued upstream.
 *
 * <p><b>Connection reuse.</b> Up to {@code maxIdleConnections} sessions stay open for {@code idleTimeout}. Before
 * one is reused it must answer RSET (Postfix checks cached sessions the same way); if the next hop has closed it in
 * the meantime (restart, its own idle timeout, {@code 421}), the message goes out on a fresh session instead and the
 * stale one does not count as a failure. A failure on a fresh session is final for this call.
 *
 * <p><b>Threads.</b> Thread-safe: concurrent sends each use their own session. One client per next hop, for the
 * life of the configuration; {@link #close()} ends the idle sessions with QUIT. A single daemon timer thread ends idle
 * sessions and runs the {@link WriteWatchdog} that bounds socket writes.
 */
public final class RelayClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelayClient.class);
    /** Like Postfix's smtp_rset_timeout: a cached session that does not answer RSET quickly is not worth waiting for. */
    private static final Duration LIVENESS_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(5);

    private final HostPort nextHop;
    private final OutboundSettings settings;
    private final SessionOpener opener;
    private final ConnectionPool pool;
    private final ScheduledExecutorService timer;
    private final Set<SmtpConnection> active = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param nextHop  where messages go
     * @param settings timeouts, TLS and pool limits
     * @param heloName the name this host gives in EHLO
     * @throws IllegalArgumentException if the trusted certificates of {@code tls: required} cannot be used
     */
    public RelayClient(HostPort nextHop, OutboundSettings settings, String heloName) {
        this(nextHop, settings, heloName, Clock.systemUTC());
    }

    /** With the clock that decides when an idle session has timed out. */
    RelayClient(HostPort nextHop, OutboundSettings settings, String heloName, Clock clock) {
        this.nextHop = Objects.requireNonNull(nextHop, "nextHop");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(heloName, "heloName");
        this.timer = newTimer(nextHop);
        // every write timeout is one of these two or longer than a second, the watchdog's longest period
        this.opener = new SessionOpener(nextHop, settings, heloName,
                new WriteWatchdog(timer, shorter(settings.commandTimeout(), settings.dataTimeout())));
        this.pool = new ConnectionPool(settings.maxIdleConnections(), settings.idleTimeout(),
                shorter(settings.commandTimeout(), QUIT_TIMEOUT), clock, timer);
    }

    /**
     * Relays one message. Blocks for at most the configured timeouts (twice when a pooled session was stale).
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public RelayResult send(RelayRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("the relay client for " + nextHop + " is closed");
        }
        Optional<SmtpConnection> pooled = pool.borrow();
        if (pooled.isPresent()) {
            Optional<RelayResult> reused = deliverReused(pooled.get(), request);
            if (reused.isPresent()) {
                return reused.get();
            }
            pool.clear();
        }
        int attempt = pooled.isPresent() ? 2 : 1;
        SmtpConnection fresh;
        try {
            fresh = opener.open();
        } catch (IOException e) {
            return failed(new TransactionReplies(request.recipients()), e, attempt);
        }
        return deliver(fresh, request, attempt);
    }

    /** Ends the idle sessions with QUIT. Sends in progress finish; their sessions are then closed. */
    @Override
    public void close() {
        closed = true;
        pool.close();
        timer.shutdownNow();
    }

    /**
     * Cuts the sessions of sends in progress: each such send returns at once with a temporary failure. For a
     * shutdown that cannot wait for a slow next hop; the upstream then keeps those messages.
     */
    public void abortSendsInProgress() {
        for (SmtpConnection connection : active) {
            connection.abort();
        }
    }

    int idleConnections() {
        return pool.idleCount();
    }

    private boolean stillOpen(SmtpConnection connection) {
        try {
            SmtpReply reply = connection.command("RSET", shorter(settings.commandTimeout(), LIVENESS_TIMEOUT));
            if (reply.isPositive()) {
                return true;
            }
            log.debug("pooled session to {} refused RSET ({}); opening a new one", nextHop, reply);
        } catch (IOException e) {
            log.debug("pooled session to {} is no longer usable ({}); opening a new one", nextHop, e.getMessage());
        }
        connection.abort();
        return false;
    }

    /**
     * Relays on a pooled session, which must first answer RSET: pipelined with the transaction when the next hop
     * pipelines, else on its own. Empty when the session was stale; the caller then uses a new one.
     */
    private Optional<RelayResult> deliverReused(SmtpConnection connection, RelayRequest request) {
        if (!connection.capabilities().pipelining()) {
            return stillOpen(connection) ? Optional.of(deliver(connection, request, 1, false)) : Optional.empty();
        }
        try {
            return Optional.of(deliver(connection, request, 1, true));
        } catch (StaleSessionRetry stale) {
            log.debug("pooled session to {} is no longer usable ({}); opening a new one", nextHop, stale.getMessage());
            return Optional.empty();
        }
    }

    /** Carries a stale pooled session out of {@link #deliver}; never escapes this class. */
    private static final class StaleSessionRetry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleSessionRetry(String message) {
            super(message, null, false, false);
        }
    }

    private RelayResult deliver(SmtpConnection connection, RelayRequest request, int attempt) {
        return deliver(connection, request, attempt, false);
    }

    private RelayResult deliver(SmtpConnection connection, RelayRequest request, int attempt, boolean resetFirst) {
        TransactionReplies replies = new TransactionReplies(request.recipients());
        boolean reusable = false;
        active.add(connection);
        try {
            MailTransaction transaction = new MailTransaction(connection, request, settings, replies);
            reusable = (resetFirst ? transaction.afterReset() : transaction).run();
            RelayResult result = replies.completed(attempt);
            log.debug("relayed to {} (attempt {}, tls {}): {}", nextHop, attempt, connection.isTls(),
                    result.finalReply());
            return result;
        } catch (StaleSessionException e) {
            throw new StaleSessionRetry(e.getMessage());
        } catch (IOException e) {
            return failed(replies, e, attempt);
        } finally {
            active.remove(connection);
            if (reusable) {
                pool.release(connection);
            } else {
                connection.abort();
            }
        }
    }

    private RelayResult failed(TransactionReplies replies, IOException failure, int attempt) {
        SmtpReply reply = RelayReplies.forFailure(nextHop, failure);
        String detail = failure.getMessage();
        if (detail == null || reply.toString().contains(detail)) {
            log.warn("relay to {} failed (attempt {}): {}", nextHop, attempt, reply);
        } else {
            log.warn("relay to {} failed (attempt {}): {} ({})", nextHop, attempt, reply, detail);
        }
        return replies.failed(reply, attempt);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static ScheduledExecutorService newTimer(HostPort nextHop) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "relay-timer-" + nextHop);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
