package com.postwarden.spam.bayes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Caffeine cache of token counts (known and unknown tokens alike) and of the totals in front of another store,
 * so that scoring a message of mostly known tokens costs no round trip. Only the tokens missing from the cache
 * are looked up, in one batch. Learning through this store invalidates the tokens it changed; changes made by
 * other processes sharing the underlying store are seen after {@code maxAge}. Thread-safe.
 */
public final class CachingTokenStore implements TokenStore {
    private static final TokenCounts ABSENT = new TokenCounts(0, 0, Instant.EPOCH);

    private final TokenStore store;
    private final Cache<String, TokenCounts> counts;
    private final Duration maxAge;
    private final AtomicReference<Stamped> totals = new AtomicReference<>();
    private final java.time.Clock clock;

    /**
     * @param maximumTokens how many tokens the cache holds at most (each costs roughly 150 bytes)
     * @param maxAge        how long a cached count or total is trusted
     */
    public CachingTokenStore(TokenStore store, long maximumTokens, Duration maxAge, java.time.Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.counts = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfterWrite(maxAge).build();
    }

    @Override
    public TokenLookup lookup(Set<String> tokens) {
        AtomicReference<CorpusTotals> fresh = new AtomicReference<>();
        Map<String, TokenCounts> cached = counts.getAll(tokens, missing -> {
            @SuppressWarnings("unchecked")
            TokenLookup loaded = store.lookup((Set<String>) missing);
            fresh.set(loaded.totals());
            Map<String, TokenCounts> m = new HashMap<>();
            for (String t : missing) {
                m.put(t, loaded.counts().getOrDefault(t, ABSENT));
            }
            return m;
        });
        if (fresh.get() != null) {
            totals.set(new Stamped(fresh.get(), clock.instant()));
        }
        Map<String, TokenCounts> known = new HashMap<>();
        cached.forEach((t, c) -> {
            if (c != ABSENT) {
                known.put(t, c);
            }
        });
        return new TokenLookup(totals(), known);
    }

    @Override
    public CorpusTotals totals() {
        Stamped s = totals.get();
        Instant now = clock.instant();
        if (s == null || s.at().plus(maxAge).isBefore(now)) {
            s = new Stamped(store.totals(), now);
            totals.set(s);
        }
        return s.totals();
    }

    @Override
    public LearnOutcome learn(String digest, Label label, Set<String> tokens, Instant now) {
        try {
            return store.learn(digest, label, tokens, now);
        } finally {
            forget(tokens);
        }
    }

    @Override
    public LearnOutcome unlearn(String digest, Set<String> tokens) {
        try {
            return store.unlearn(digest, tokens);
        } finally {
            forget(tokens);
        }
    }

    @Override
    public Optional<Label> learnedAs(String digest) {
        return store.learnedAs(digest);
    }

    private void forget(Set<String> tokens) {
        counts.invalidateAll(tokens);
        totals.set(null);
    }

    private record Stamped(CorpusTotals totals, Instant at) {
    }
}
