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

/**
 * Verdicts of whole attachments by SHA-256, so a campaign sending the same file to thousands of recipients is
 * unpacked and matched once. Only the direct entries of a scanned object (a message's parts, an archive's
 * files) are cached, and only from at least {@link #MIN_SIZE} bytes, where hashing costs less than it saves.
 * A verdict and the findings behind it are stored relative to the object, so a hit reports their paths under the
 * new name. Bounded (Caffeine);
 * one cache per engine, so a new signature database starts empty. Thread-safe.
 */
final class VerdictCache {
    static final int MIN_SIZE = 1024;

    private final Cache<Key, Stored> cache;
    private final boolean enabled;

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
