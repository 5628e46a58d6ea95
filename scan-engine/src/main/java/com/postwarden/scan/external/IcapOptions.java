package com.postwarden.scan.external;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What an ICAP service announced in its {@code OPTIONS} reply (RFC 3507 section 4.10.2).
 *
 * @param methods {@code Methods}, e.g. {@code [RESPMOD, REQMOD]}
 * @param service {@code Service}, a free-text description; empty if absent
 * @param isTag {@code ISTag}, which changes whenever the service's configuration or signatures change; empty if absent
 * @param preview {@code Preview}: how many body bytes the service wants before deciding; empty if it takes no preview
 * @param transferPreview {@code Transfer-Preview} file extensions ({@code *} for all)
 * @param maxConnections {@code Max-Connections}, if announced
 * @param allow204 whether {@code Allow} includes 204
 * @param ttl {@code Options-TTL}, or the configured default when absent: re-read after this
 * @param fetchedAt when this reply was read
 */
public record IcapOptions(
        List<String> methods,
        String service,
        String isTag,
        OptionalInt preview,
        List<String> transferPreview,
        OptionalInt maxConnections,
        boolean allow204,
        Duration ttl,
        Instant fetchedAt) {

    /** Previews larger than this are cut to it: the preview is held in memory to allow a retry. */
    static final int MAX_PREVIEW = 64 << 10;
    private static final long MAX_TTL_SECONDS = 7 * 24 * 3600;

    public IcapOptions {
        methods = List.copyOf(methods);
        transferPreview = List.copyOf(transferPreview);
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(isTag, "isTag");
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(maxConnections, "maxConnections");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** Whether these options should be read again at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(fetchedAt.plus(ttl));
    }

    /** Whether the service accepts {@code RESPMOD}. */
    public boolean supportsRespmod() {
        return methods.stream().anyMatch("RESPMOD"::equalsIgnoreCase);
    }

    /** Reads the options from a 200 reply to {@code OPTIONS}; malformed numbers are an IOException. */
    static IcapOptions from(IcapResponse reply, Duration defaultTtl, Instant now) throws java.io.IOException {
        IcapHeaders h = reply.headers();
        OptionalInt preview = number(h, "Preview", Integer.MAX_VALUE);
        if (preview.isPresent() && preview.getAsInt() > MAX_PREVIEW) {
            preview = OptionalInt.of(MAX_PREVIEW);
        }
        OptionalInt ttlSeconds = number(h, "Options-TTL", Integer.MAX_VALUE);
        Duration ttl = ttlSeconds.isPresent()
                ? Duration.ofSeconds(Math.min(ttlSeconds.getAsInt(), MAX_TTL_SECONDS))
                : defaultTtl;
        return new IcapOptions(
                h.tokens("Methods"),
                h.first("Service").orElse(""),
                h.first("ISTag").orElse(""),
                preview,
                h.tokens("Transfer-Preview"),
                number(h, "Max-Connections", Integer.MAX_VALUE),
                h.tokens("Allow").contains("204"),
                ttl,
                now);
    }

    private static OptionalInt number(IcapHeaders headers, String name, int max) throws java.io.IOException {
        var value = headers.first(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        String digits = value.get();
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new java.io.IOException("bad " + name + " \"" + ClamdReply.quote(digits) + "\"");
        }
        long n = Long.parseLong(digits);
        return OptionalInt.of((int) Math.min(n, max));
    }
}
