package com.postwarden.server;

import com.postwarden.cli.SpamEngines;
import com.postwarden.cli.StoredTokens;
import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.policies.config.SpamSettings;
import com.postwarden.spam.SpamEngine;
import com.postwarden.spam.bayes.CachingTokenStore;
import com.postwarden.spam.bayes.TokenStore;
import com.postwarden.spam.rules.RuleSet;
import com.postwarden.storage.Database;
import com.postwarden.storage.DatabaseSettings;
import com.postwarden.storage.TokenCountRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spam scoring in a running gateway: the rules, the classifier's token counts in the gateway's database (opened
 * once; {@code dataDir} changes at restart only) and sender authentication, rebuilt when a reload changes the
 * {@code spam} settings. Messages already being scored finish with the engine they started with. Thread-safe.
 */
final class Spam implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spam.class);
    /** Token counts kept in memory; learning elsewhere (the command line) shows after {@link #CACHE_AGE}. */
    private static final long CACHE_TOKENS = 200_000;
    private static final Duration CACHE_AGE = Duration.ofMinutes(5);

    private final Database database;
    private final TokenStore tokens;
    private SpamSettings settings;
    /** Read for every message without a lock; replaced under the lock by {@link #reconfigure}. */
    private volatile SpamEngine engine;

    private Spam(Database database, TokenStore tokens, SpamSettings settings, SpamEngine engine) {
        this.database = database;
        this.tokens = tokens;
        this.settings = settings;
        this.engine = engine;
    }

    /** Loads the rules and opens the token database; empty when spam scoring is switched off. */
    static Optional<Spam> open(GatewayConfig config) throws IOException {
        if (!config.spam().enabled()) {
            return Optional.empty();
        }
        RuleSet rules = rules(config.spam());
        Database database = Database.open(DatabaseSettings.embedded(config.databaseDir()));
        TokenStore tokens = new CachingTokenStore(new StoredTokens(new TokenCountRepository(database.dataSource())),
                CACHE_TOKENS, CACHE_AGE, Clock.systemUTC());
        SpamEngine engine = SpamEngines.build(config.spam(), rules, tokens, config.smtp().hostname());
        return Optional.of(new Spam(database, tokens, config.spam(), engine));
    }

    private static RuleSet rules(SpamSettings settings) throws IOException {
        RuleSet rules;
        try {
            rules = SpamEngines.rules(settings);
        } catch (IOException e) {
            throw new IOException("cannot load the spam rules: " + e.getMessage(), e);
        }
        if (rules.report().unsupportedTotal() > 0) {
            LOG.warn("spam rules: {} rules active, {} lines unsupported and skipped: {}", rules.activeRules(),
                    rules.report().unsupportedTotal(), rules.report().unsupported());
        }
        return rules;
    }

    /** The engine for the next message. */
    Supplier<SpamEngine> engine() {
        return () -> engine;
    }

    /** Rebuilds the engine when the new configuration changes the spam settings; keeps it otherwise. */
    synchronized void reconfigure(GatewayConfig next) throws IOException {
        if (Objects.equals(settings, next.spam())) {
            return;
        }
        engine = SpamEngines.build(next.spam(), rules(next.spam()), tokens, next.smtp().hostname());
        settings = next.spam();
    }

    @Override
    public synchronized void close() {
        database.close();
    }
}
