package com.postwarden.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What loading a signature database found.
 *
 * @param fingerprint a hash of the database files' names, sizes and modification times: when
 *     {@link SignatureDatabase#fingerprint} of the directory differs, the database changed
 * @param version the highest version among the {@code .cvd}/{@code .cld} containers, 0 without containers
 * @param timestamp the newest container build time or plain file modification time
 * @param loaded signatures loaded, by file type: {@code hdb}, {@code hsb}, {@code hdu}, {@code hsu},
 *     {@code ndb}, {@code ndu}, {@code ldb}, {@code ldu}, {@code fp}, {@code sfp}, {@code ign}, {@code ign2}
 * @param skipped lines left out, by reason (e.g. {@code "ndb: unsupported offset type VI"}); whole files
 *     refused count here too
 * @param refused files refused whole, by name, with the reason
 * @param ignored body and logical signatures dropped by ignore lists ({@code .ign}/{@code .ign2})
 * @param loadTime how long loading and compiling took
 */
public record DatabaseInfo(String fingerprint, long version, Instant timestamp, Map<String, Long> loaded,
                           Map<String, Long> skipped, Map<String, String> refused, long ignored,
                           Duration loadTime) {
    public DatabaseInfo {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(loadTime, "loadTime");
        loaded = Map.copyOf(loaded);
        skipped = Map.copyOf(skipped);
        refused = Map.copyOf(refused);
    }

    /** Signatures loaded of every type, allow-list and ignore entries included. */
    public long loadedTotal() {
        return loaded.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lines and files left out, whatever the reason. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
