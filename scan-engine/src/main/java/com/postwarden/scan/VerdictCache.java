package com.postwarden.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.postwarden.scan.internal.content.Content;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Verdicts of whole attachments by SHA-256, so a campaign sending the same file to thousands of recipients is
 * unpacked and matched once. Only the direct entries of a scanned object (a message's parts, an archive's
 * files) are cached, and only from at least {@link #MIN_SIZE} bytes, where hashing costs less than it saves.
 * A verdict and the findings behind it are stored relative to the object, so a hit reports their paths under the
 * new name. Bounded (Caffeine);
 * one cache per engine, so a new signature database starts empty. Thread-safe.
 *
 * <p>A campaign arrives in parallel: sixteen sessions may carry the same attachment at once. The first to miss
 * {@linkplain #lookupOrClaim claims} the key while it scans; the others wait for its verdict
 * instead of unpacking the same bytes and sending them to the external engines sixteen times.
 */
final class VerdictCache {
    static final int MIN_SIZE = 1024;

    private final Cache<Key, Stored> cache;
    private final boolean enabled;
    private final ConcurrentHashMap<Key, CountDownLatch> inFlight = new ConcurrentHashMap<>();

    private VerdictCache(Cache<Key, Stored> cache, boolean enabled) {
        this.cache = cache;
        this.enabled = enabled;
    }

    static VerdictCache bounded(long maxEntries, Duration expiry, Ticker ticker) {
        Cache<Key, Stored> cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(expiry)
                .ticker(ticker)
                .build();
        return new VerdictCache(cache, maxEntries > 0);
    }

    static VerdictCache disabled() {
        return new VerdictCache(Caffeine.newBuilder().maximumSize(0).build(), false);
    }

    Optional<Key> keyFor(Content content, ContainerPath path) {
        if (!enabled || path.depth() != 1 || content.size() < MIN_SIZE) {
            return Optional.empty();
        }
        MessageDigest sha256 = sha256();
        sha256.update(content.buffer());
        return Optional.of(new Key(sha256.digest()));
    }

    Optional<Scanned> lookup(Key key, ContainerPath path) {
        Stored stored = cache.getIfPresent(key);
        return stored == null ? Optional.empty() : Optional.of(stored.at(path));
    }

    /**
     * The cached verdict, or the right to scan: a miss {@linkplain Lookup#claimed() claims} the key when no other
     * scan has it, and the claimant must {@link #release} it; while another scan has it, waits up to
     * {@code maxWait} for its verdict (a miss without the claim when none comes in time).
     */
    Lookup lookupOrClaim(Key key, ContainerPath path, Duration maxWait) {
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        while (true) {
            Optional<Scanned> hit = lookup(key, path);
            if (hit.isPresent()) {
                return new Lookup(hit, false);
            }
            CountDownLatch mine = new CountDownLatch(1);
            CountDownLatch running = inFlight.putIfAbsent(key, mine);
            if (running == null) {
                return new Lookup(Optional.empty(), true);
            }
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !running.await(left, TimeUnit.NANOSECONDS)) {
                    return new Lookup(lookup(key, path), false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Lookup(Optional.empty(), false);
            }
            // the other scan ended: it stored a verdict (found on the next turn) or had none worth keeping
        }
    }

    /** A cache hit, or a miss that may have claimed the key for the caller's scan. */
    record Lookup(Optional<Scanned> hit, boolean claimed) {
    }

    /** Ends a claim (after {@link #store}, or without storing), waking those waiting for it. */
    void release(Key key) {
        CountDownLatch running = inFlight.remove(key);
        if (running != null) {
            running.countDown();
        }
    }

    void store(Key key, ContainerPath path, Verdict verdict, List<Verdict> findings) {
        List<Relative> relative = new ArrayList<>(findings.size());
        for (Verdict finding : findings) {
            relative.add(Relative.of(finding, path));
        }
        cache.put(key, new Stored(Relative.of(verdict, path), List.copyOf(relative)));
    }

    /** What a cache hit gives back: the worst verdict of the object's scan and its findings, in order. */
    record Scanned(Verdict verdict, List<Verdict> findings) {
    }

    private record Stored(Relative verdict, List<Relative> findings) {
        Scanned at(ContainerPath path) {
            List<Verdict> placed = new ArrayList<>(findings.size());
            for (Relative finding : findings) {
                placed.add(finding.at(path));
            }
            return new Scanned(verdict.at(path), placed);
        }
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** A SHA-256 digest. */
    static final class Key {
        private final byte[] digest;
        private final int hash;

        Key(byte[] digest) {
            this.digest = digest;
            this.hash = ByteBuffer.wrap(digest).getInt();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A verdict with its path relative to the cached object: the names below it. */
    private record Relative(Verdict verdict, List<String> below) {
        static Relative of(Verdict verdict, ContainerPath path) {
            List<String> names = pathOf(verdict).map(ContainerPath::names).orElse(List.of());
            List<String> below = names.size() > path.names().size()
                    ? names.subList(path.names().size(), names.size()) : List.of();
            return new Relative(verdict, List.copyOf(below));
        }

        Verdict at(ContainerPath path) {
            ContainerPath full = path;
            for (String name : below) {
                full = full.child(name);
            }
            if (verdict instanceof Verdict.Infected infected) {
                return new Verdict.Infected(infected.signature(), full);
            }
            if (verdict instanceof Verdict.Unscannable unscannable) {
                return new Verdict.Unscannable(unscannable.reason(), full);
            }
            if (verdict instanceof Verdict.Suspicious suspicious) {
                return new Verdict.Suspicious(suspicious.name(), full);
            }
            return verdict;
        }

        private static Optional<ContainerPath> pathOf(Verdict verdict) {
            if (verdict instanceof Verdict.Infected infected) {
                return Optional.of(infected.path());
            }
            if (verdict instanceof Verdict.Unscannable unscannable) {
                return Optional.of(unscannable.path());
            }
            if (verdict instanceof Verdict.Suspicious suspicious) {
                return Optional.of(suspicious.path());
            }
            return Optional.empty();
        }
    }
}
