package com.postwarden.spam.bayes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link TokenStore} in the heap, for tests and one-off command-line runs; lost when the process ends.
 * Thread-safe: lookups share a read lock, learning takes the write lock, so each learn is atomic.
 */
public final class InMemoryTokenStore implements TokenStore {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, TokenCounts> counts = new HashMap<>();
    private final Map<String, Label> learned = new HashMap<>();
    private long spamMessages;
    private long hamMessages;

    @Override
    public TokenLookup lookup(Set<String> tokens) {
        lock.readLock().lock();
        try {
            Map<String, TokenCounts> found = new HashMap<>();
            for (String token : tokens) {
                TokenCounts c = counts.get(token);
                if (c != null) {
                    found.put(token, c);
                }
            }
            return new TokenLookup(new CorpusTotals(spamMessages, hamMessages), found);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public CorpusTotals totals() {
        lock.readLock().lock();
        try {
            return new CorpusTotals(spamMessages, hamMessages);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public LearnOutcome learn(String digest, Label label, Set<String> tokens, Instant now) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(now, "now");
        lock.writeLock().lock();
        try {
            Label before = learned.get(Objects.requireNonNull(digest, "digest"));
            if (before == label) {
                return LearnOutcome.ALREADY_LEARNED;
            }
            if (before != null) {
                add(tokens, before, -1, now);
            }
            add(tokens, label, +1, now);
            learned.put(digest, label);
            return before == null ? LearnOutcome.LEARNED : LearnOutcome.RELEARNED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public LearnOutcome unlearn(String digest, Set<String> tokens) {
        lock.writeLock().lock();
        try {
            Label before = learned.remove(Objects.requireNonNull(digest, "digest"));
            if (before == null) {
                return LearnOutcome.NOT_LEARNED;
            }
            add(tokens, before, -1, null);
            return LearnOutcome.UNLEARNED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Label> learnedAs(String digest) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(learned.get(digest));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds {@code delta} to each token's count for {@code label}; a null {@code now} keeps the last sighting. */
    private void add(Set<String> tokens, Label label, int delta, Instant now) {
        if (label == Label.SPAM) {
            spamMessages = Math.max(0, spamMessages + delta);
        } else {
            hamMessages = Math.max(0, hamMessages + delta);
        }
        for (String token : tokens) {
            TokenCounts old = counts.get(token);
            long spam = (old == null ? 0 : old.spam()) + (label == Label.SPAM ? delta : 0);
            long ham = (old == null ? 0 : old.ham()) + (label == Label.HAM ? delta : 0);
            spam = Math.max(0, spam);
            ham = Math.max(0, ham);
            if (spam == 0 && ham == 0) {
                counts.remove(token);
            } else {
                Instant seen = now != null ? now : old != null ? old.lastSeen() : Instant.EPOCH;
                counts.put(token, new TokenCounts(spam, ham, seen));
            }
        }
    }
}
