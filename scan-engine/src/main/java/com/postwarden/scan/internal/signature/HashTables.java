package com.postwarden.scan.internal.signature;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hash signatures and allow-list entries of one source file (or one container), by algorithm, with what
 * loading them counted. A reload keeps this object for a file whose name, size and modification time did not
 * change, instead of parsing it again. Immutable and thread-safe.
 *
 * @param detect {@code .hdb .hsb .hdu .hsu} entries
 * @param allow {@code .fp .sfp} entries
 * @param loaded signatures loaded, by file type
 * @param skipped lines skipped, by reason
 */
public record HashTables(Map<HashAlgorithm, HashIndex> detect, Map<HashAlgorithm, HashIndex> allow,
                         Map<String, Long> loaded, Map<String, Long> skipped) {

    public HashTables {
        detect = Collections.unmodifiableMap(new EnumMap<>(copy(detect)));
        allow = Collections.unmodifiableMap(new EnumMap<>(copy(allow)));
        loaded = Map.copyOf(loaded);
        skipped = Map.copyOf(skipped);
    }

    private static Map<HashAlgorithm, HashIndex> copy(Map<HashAlgorithm, HashIndex> map) {
        return map.isEmpty() ? new EnumMap<>(HashAlgorithm.class) : map;
    }
}
