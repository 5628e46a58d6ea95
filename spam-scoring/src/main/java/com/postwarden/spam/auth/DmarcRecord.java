package com.postwarden.spam.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DMARC policy record (RFC 7489 section 6.3), only the tags that decide a message's disposition.
 *
 * <p>Parsed by hand: the tag list is a few {@code tag=value} pairs split on semicolons, and neither jSPF nor
 * jDKIM nor any maintained Java library exposes a DMARC record parser. The parser is bounded by
 * {@link #MAX_LENGTH} and never throws.
 *
 * @param policy          {@code p=}
 * @param subdomainPolicy {@code sp=}; empty when absent (then {@code p=} applies to subdomains)
 * @param dkimAlignment   {@code adkim=}, relaxed by default
 * @param spfAlignment    {@code aspf=}, relaxed by default
 * @param percent         {@code pct=}, 0 to 100, 100 by default
 */
public record DmarcRecord(DmarcPolicy policy, Optional<DmarcPolicy> subdomainPolicy, Alignment dkimAlignment,
                          Alignment spfAlignment, int percent) {
    /** Longer TXT texts are not DMARC records anyone publishes; they are not parsed. */
    public static final int MAX_LENGTH = 4096;
    private static final int MAX_TAGS = 64;

    /** Identifier alignment mode (RFC 7489 section 3.1). */
    public enum Alignment { RELAXED, STRICT }

    public DmarcRecord {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(subdomainPolicy, "subdomainPolicy");
        Objects.requireNonNull(dkimAlignment, "dkimAlignment");
        Objects.requireNonNull(spfAlignment, "spfAlignment");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("pct: " + percent + " is not between 0 and 100");
        }
    }

    /** True when {@code text} starts as a DMARC record does ({@code v=DMARC1} first). */
    static boolean looksLikeDmarc(String text) {
        String head = text.stripLeading();
        int semicolon = head.indexOf(';');
        String first = (semicolon < 0 ? head : head.substring(0, semicolon)).replace(" ", "").replace("\t", "");
        return first.equals("v=DMARC1");
    }

    /**
     * The record in {@code text}, or empty when it is not a valid DMARC record: no leading {@code v=DMARC1}, no
     * or an unknown {@code p=}, a malformed tag, or a bad value of a known tag. Unknown tags are ignored
     * (section 6.3).
     */
    public static Optional<DmarcRecord> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || !looksLikeDmarc(text)) {
            return Optional.empty();
        }
        Map<String, String> tags = new HashMap<>();
        String[] parts = text.split(";", MAX_TAGS + 1);
        if (parts.length > MAX_TAGS) {
            return Optional.empty();
        }
        for (String part : parts) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                continue;
            }
            int equals = tag.indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            String name = tag.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (tags.putIfAbsent(name, tag.substring(equals + 1).strip()) != null) {
                return Optional.empty();
            }
        }
        Optional<DmarcPolicy> policy = DmarcPolicy.parse(tags.getOrDefault("p", ""));
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        Optional<DmarcPolicy> subdomain = Optional.empty();
        if (tags.containsKey("sp")) {
            subdomain = DmarcPolicy.parse(tags.get("sp"));
            if (subdomain.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<Alignment> adkim = alignment(tags.getOrDefault("adkim", "r"));
        Optional<Alignment> aspf = alignment(tags.getOrDefault("aspf", "r"));
        Optional<Integer> pct = percent(tags.getOrDefault("pct", "100"));
        if (adkim.isEmpty() || aspf.isEmpty() || pct.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DmarcRecord(policy.get(), subdomain, adkim.get(), aspf.get(), pct.get()));
    }

    private static Optional<Alignment> alignment(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "r": return Optional.of(Alignment.RELAXED);
            case "s": return Optional.of(Alignment.STRICT);
            default: return Optional.empty();
        }
    }

    private static Optional<Integer> percent(String value) {
        if (value.isEmpty() || value.length() > 3 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int pct = Integer.parseInt(value);
        return pct <= 100 ? Optional.of(pct) : Optional.empty();
    }
}
