package com.postwarden.scan.internal.signature;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything read from a database directory, before the matcher is compiled.
 *
 * @param body body signatures left after the ignore lists
 * @param logical logical signatures left after the ignore lists
 * @param hashTables hash signatures and allow-list entries per source file, in load order
 * @param ignoreList the ignore entries, also applied to hash signatures when they match
 * @param loaded signatures loaded, by file type ({@code "hdb"}, {@code "ndb"}, {@code "ign2"}...)
 * @param skipped lines left out, by reason
 * @param refused files refused as a whole, by name, with the reason
 * @param ignored body and logical signatures dropped by the ignore lists
 * @param version the highest container version, 0 without containers
 * @param timestamp the newest container build time or plain file modification time
 * @param fingerprint names, sizes and modification times of the database files, hashed
 */
public record LoadedSignatures(List<BodySignature> body, List<LogicalSignature> logical,
                               Map<SourceFile, HashTables> hashTables, IgnoreList ignoreList,
                               Map<String, Long> loaded, Map<String, Long> skipped, Map<String, String> refused,
                               long ignored, long version, Instant timestamp, String fingerprint) {
    public LoadedSignatures {
        body = List.copyOf(body);
        logical = List.copyOf(logical);
        hashTables = Collections.unmodifiableMap(new LinkedHashMap<>(hashTables));
        loaded = Map.copyOf(loaded);
        skipped = Map.copyOf(skipped);
        refused = Map.copyOf(refused);
    }
}
