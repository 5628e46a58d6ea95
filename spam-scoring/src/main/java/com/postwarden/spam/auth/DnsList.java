package com.postwarden.spam.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One DNS list to ask (a DNSBL for client addresses, or a URI domain list like DBL or SURBL) and the symbol it
 * adds when it lists something.
 *
 * @param zone   the list's zone, e.g. {@code zen.example.org}
 * @param kind   what is looked up in it
 * @param symbol the symbol added when listed, e.g. {@code RCVD_IN_EXAMPLE}
 * @param score  its score
 */
public record DnsList(String zone, Kind kind, String symbol, double score) {
    private static final Pattern ZONE = Pattern.compile("(?i)[a-z0-9_-]+(\\.[a-z0-9_-]+)+\\.?");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** What a list holds. */
    public enum Kind {
        /** Client IP addresses: reversed octets (IPv4) or nibbles (IPv6) under the zone. */
        IP,
        /** Registered domains of URIs in the body: the domain under the zone. */
        URI_DOMAIN
    }

    public DnsList {
        Objects.requireNonNull(zone, "dns-lists.zone");
        Objects.requireNonNull(kind, "dns-lists.kind");
        Objects.requireNonNull(symbol, "dns-lists.symbol");
        if (!ZONE.matcher(zone).matches()) {
            throw new IllegalArgumentException("dns-lists.zone: '" + zone + "' is not a DNS zone name");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("dns-lists.symbol: '" + symbol + "' is not an upper-case symbol name");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("dns-lists.score: " + score + " is not a number");
        }
        zone = zone.toLowerCase(Locale.ROOT).endsWith(".") ? zone.substring(0, zone.length() - 1)
                .toLowerCase(Locale.ROOT) : zone.toLowerCase(Locale.ROOT);
    }
}
