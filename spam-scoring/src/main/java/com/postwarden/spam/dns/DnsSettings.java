package com.postwarden.spam.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how sender authentication and DNS lists ask DNS. Validated on construction; every message names the
 * key and the bad value.
 *
 * @param servers      the recursive (or, in tests, authoritative) servers to ask, tried in order; at least one
 * @param timeout      how long one query may take across retries, between {@link #MIN_TIMEOUT} and
 *                     {@link #MAX_TIMEOUT}
 * @param cacheEntries how many answers (positive and negative) the client keeps, at most
 *                     {@link #MAX_CACHE_ENTRIES}; 0 disables the cache
 * @param maxTtl       the longest time an answer is kept, whatever its TTL says
 */
public record DnsSettings(List<InetSocketAddress> servers, Duration timeout, int cacheEntries, Duration maxTtl) {
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    public static final int MAX_CACHE_ENTRIES = 1_000_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_CACHE_ENTRIES = 10_000;
    public static final Duration DEFAULT_MAX_TTL = Duration.ofHours(1);

    public DnsSettings {
        Objects.requireNonNull(servers, "dns.servers");
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("dns.servers: at least one server is needed");
        }
        for (InetSocketAddress server : servers) {
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("dns.servers: " + server + " is not an IP address");
            }
        }
        Objects.requireNonNull(timeout, "dns.timeout");
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("dns.timeout: " + timeout + " is not between " + MIN_TIMEOUT
                    + " and " + MAX_TIMEOUT);
        }
        if (cacheEntries < 0 || cacheEntries > MAX_CACHE_ENTRIES) {
            throw new IllegalArgumentException("dns.cache-entries: " + cacheEntries + " is not between 0 and "
                    + MAX_CACHE_ENTRIES);
        }
        Objects.requireNonNull(maxTtl, "dns.max-ttl");
        if (maxTtl.isNegative() || maxTtl.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dns.max-ttl: " + maxTtl + " is out of range");
        }
    }

    /** The given servers with the default timeout, cache size and TTL ceiling. */
    public static DnsSettings of(List<InetSocketAddress> servers) {
        return new DnsSettings(servers, DEFAULT_TIMEOUT, DEFAULT_CACHE_ENTRIES, DEFAULT_MAX_TTL);
    }

    public DnsSettings withTimeout(Duration newTimeout) {
        return new DnsSettings(servers, newTimeout, cacheEntries, maxTtl);
    }

    public DnsSettings withCacheEntries(int newCacheEntries) {
        return new DnsSettings(servers, timeout, newCacheEntries, maxTtl);
    }
}
