package com.postwarden.server;

import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.smtp.pipeline.MessageProcessor;
import com.postwarden.smtp.relay.RelayClient;
import com.postwarden.scan.ScanEngine;
import com.postwarden.smtp.spam.SpamStage;
import com.postwarden.spam.SpamEngine;
import com.postwarden.smtp.pipeline.Stage;
import com.postwarden.smtp.scan.ScanStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a reload rebuilds: the configuration with its relay client and message processor (its pipeline stages). A generation that a
 * reload replaced is retired; its relay client is closed once the last message using it is done, so a reload
 * never cuts off a message in flight. Thread-safe.
 */
final class Generation {
    private final GatewayConfig config;
    private final RelayClient relay;
    private final MessageProcessor processor;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A generation whose pipeline scans with {@code scanning}'s engine, if scanning is on, then scores spam with
     * {@code spam}'s, if that is on.
     */
    Generation(GatewayConfig config, Optional<Supplier<ScanEngine>> scanning, Optional<Supplier<SpamEngine>> spam) {
        this.config = config;
        this.relay = new RelayClient(config.smtp().nextHop(), config.outbound(), config.smtp().hostname());
        List<Stage> stages = new ArrayList<>();
        scanning.ifPresent(engine -> stages.add(new ScanStage(engine, config.scan().unscannable())));
        spam.ifPresent(engine -> stages.add(new SpamStage(engine, config.spam().subjectTag(),
                config.spam().maxSize().bytes())));
        this.processor = MessageProcessor.create(config, relay, stages);
    }

    GatewayConfig config() {
        return config;
    }

    MessageProcessor processor() {
        return processor;
    }

    /** Counts a message as using this generation; false if it was retired meanwhile (take the current one). */
    boolean enter() {
        users.incrementAndGet();
        if (retired.get()) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (users.decrementAndGet() == 0 && retired.get()) {
            closeOnce();
        }
    }

    /** No new message will use this generation; it closes when the last one leaves. */
    void retire() {
        retired.set(true);
        if (users.get() == 0) {
            closeOnce();
        }
    }

    /** Cuts off relays waiting on the next hop (shutdown only). */
    void abortSendsInProgress() {
        relay.abortSendsInProgress();
    }

    boolean isClosed() {
        return closed.get();
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            relay.close();
        }
    }
}
