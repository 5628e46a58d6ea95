package com.postwarden.server;

import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.smtp.listener.SmtpListener;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.Spool;
import com.postwarden.smtp.tls.PemTls;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway node: the listener, and the current {@link Generation} of configuration, relay client
 * and message processor. A reload swaps the generation atomically; each message uses the generation that was
 * current when its data ended, so messages in flight finish under the settings they started with, and the old
 * relay client is closed only after the last of them.
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** Time for cut-off transactions to answer their clients before the connections close. */
    private static final Duration ABORT_GRACE = Duration.ofSeconds(5);

    private final AtomicReference<Generation> current = new AtomicReference<>();
    /** The current generation and retired ones that messages still use. */
    private final Set<Generation> generations = ConcurrentHashMap.newKeySet();
    private final Optional<Scanning> scanning;
    private final Optional<Spam> spam;
    private SmtpListener listener;

    /**
     * Loads what the configuration needs before mail can flow (the signature database, the spam rules and token
     * database); listens on start.
     */
    public Gateway(GatewayConfig config) throws IOException {
        this.scanning = Scanning.open(config);
        try {
            this.spam = Spam.open(config);
        } catch (IOException | RuntimeException e) {
            scanning.ifPresent(Scanning::close);
            throw e;
        }
        Generation first = new Generation(config, scanning.map(Scanning::engine), spam.map(Spam::engine));
        generations.add(first);
        current.set(first);
    }

    public GatewayConfig config() {
        return current.get().config();
    }

    /** Prepares the spool, binds the listener and starts taking mail. */
    public void start() throws IOException {
        GatewayConfig config = config();
        Spool spool = new Spool(config.spoolDir(), config.smtp().memorySpoolThreshold().toIntBytes());
        spool.prepare();
        Optional<SSLContext> tls = config.smtp().tls().isPresent()
                ? Optional.of(PemTls.serverContext(config.smtp().tls().get().certificate(),
                        config.smtp().tls().get().privateKey()))
                : Optional.empty();
        listener = new SmtpListener(config.smtp().listen(), () -> current.get().config().smtp(), spool,
                this::receive, tls);
        listener.start();
    }

    private SmtpReply receive(ReceivedMessage message) {
        Generation generation = current.get();
        while (!generation.enter()) {
            generation = current.get();
        }
        try {
            return generation.processor().receive(message);
        } finally {
            generation.leave();
        }
    }

    /** The listener's port, once started. */
    public int port() {
        return listener.port();
    }

    /** Applies a new configuration to the next transactions; settings read only at start are reported. */
    public void reload(GatewayConfig next) {
        GatewayConfig running = config();
        warnIfChanged("smtp.listen", running.smtp().listen(), next.smtp().listen());
        warnIfChanged("smtp.tls", running.smtp().tls(), next.smtp().tls());
        warnIfChanged("smtp.maxConnections", running.smtp().maxConnections(), next.smtp().maxConnections());
        warnIfChanged("smtp.memorySpoolThreshold", running.smtp().memorySpoolThreshold(),
                next.smtp().memorySpoolThreshold());
        warnIfChanged("dataDir", running.dataDir(), next.dataDir());
        warnIfChanged("scan.enabled", running.scan().enabled(), next.scan().enabled());
        if (scanning.isPresent()) {
            try {
                scanning.get().reconfigure(next);
            } catch (IOException e) {
                LOG.error("scan settings not applied, the running signature database stays: {}", e.toString());
            }
        }
        warnIfChanged("spam.enabled", running.spam().enabled(), next.spam().enabled());
        if (spam.isPresent()) {
            try {
                spam.get().reconfigure(next);
            } catch (IOException e) {
                LOG.error("spam settings not applied, the running rules stay: {}", e.toString());
            }
        }
        Generation fresh = new Generation(next, scanning.map(Scanning::engine), spam.map(Spam::engine));
        generations.removeIf(Generation::isClosed);
        generations.add(fresh);
        current.getAndSet(fresh).retire();
        LOG.info("configuration reloaded from {}", next.source());
    }

    private static void warnIfChanged(String key, Object running, Object next) {
        if (!Objects.equals(running, next)) {
            LOG.warn("{} changed from {} to {}: it takes effect at the next restart", key, running, next);
        }
    }

    /**
     * Stops taking mail and lets messages in flight finish within shutdownTimeout. Relays still waiting on the
     * next hop after that are cut off (their clients get 451 and keep the messages), then every connection is
     * closed. Returns whether everything in flight finished in time.
     */
    public boolean stop() {
        boolean finished = true;
        if (listener != null) {
            listener.stopAccepting();
            finished = listener.awaitIdle(config().shutdownTimeout());
            if (!finished) {
                LOG.warn("messages still in flight after shutdownTimeout={}; cutting off their relays",
                        config().shutdownTimeout());
                generations.forEach(Generation::abortSendsInProgress);
                listener.awaitIdle(ABORT_GRACE);
            }
            listener.stop();
        }
        current.get().retire();
        scanning.ifPresent(Scanning::close);
        spam.ifPresent(Spam::close);
        return finished;
    }
}
