package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.HashAlgorithm;
import com.postwarden.scan.internal.signature.HashIndex;
import com.postwarden.scan.internal.signature.HashTables;
import com.postwarden.scan.internal.signature.IgnoreList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash signatures and allow-list entries of every source file of a database. Tells, from an object's size
 * alone, which digests are worth computing, and looks the computed digests up. Hash signatures dropped by an
 * ignore list are dropped here, when they match, so the per-file indexes stay reusable across reloads.
 * Immutable and thread-safe.
 */
final class HashLookup {
    private static final HashAlgorithm[] ALGORITHMS = HashAlgorithm.values();

    private final HashIndex[][] detect;
    private final HashIndex[][] allow;
    private final IgnoreList ignoreList;

    HashLookup(Collection<HashTables> tables, IgnoreList ignoreList) {
        this.detect = new HashIndex[ALGORITHMS.length][];
        this.allow = new HashIndex[ALGORITHMS.length][];
        this.ignoreList = ignoreList;
        for (HashAlgorithm algorithm : ALGORITHMS) {
            List<HashIndex> detecting = new ArrayList<>();
            List<HashIndex> allowing = new ArrayList<>();
            for (HashTables table : tables) {
                if (table.detect().containsKey(algorithm)) {
                    detecting.add(table.detect().get(algorithm));
                }
                if (table.allow().containsKey(algorithm)) {
                    allowing.add(table.allow().get(algorithm));
                }
            }
            detect[algorithm.ordinal()] = detecting.toArray(new HashIndex[0]);
            allow[algorithm.ordinal()] = allowing.toArray(new HashIndex[0]);
        }
    }

    /** Whether some signature or allow-list entry of {@code algorithm} could match an object of {@code size}. */
    boolean needs(HashAlgorithm algorithm, long size) {
        return covers(detect[algorithm.ordinal()], size) || covers(allow[algorithm.ordinal()], size);
    }

    private static boolean covers(HashIndex[] indexes, long size) {
        for (HashIndex index : indexes) {
            if (index.covers(size)) {
                return true;
            }
        }
        return false;
    }

    /** The allow-list entry naming the object, or {@code null}; {@code digests[a]} is null when not computed. */
    String allowed(long size, byte[][] digests) {
        return find(allow, size, digests, false);
    }

    /** The hash signature matching the object, or {@code null}. */
    String detected(long size, byte[][] digests) {
        return find(detect, size, digests, true);
    }

    private String find(HashIndex[][] byAlgorithm, long size, byte[][] digests, boolean applyIgnores) {
        for (HashAlgorithm algorithm : ALGORITHMS) {
            byte[] digest = digests[algorithm.ordinal()];
            if (digest == null) {
                continue;
            }
            for (HashIndex index : byAlgorithm[algorithm.ordinal()]) {
                String name = index.lookup(size, digest, applyIgnores && !ignoreList.isEmpty()
                        ? candidate -> ignoreList.ignores(candidate,
                                () -> HexFormat.of().formatHex(digest) + ":" + size + ":" + candidate)
                        : candidate -> false);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    long signatures() {
        long total = 0;
        for (HashIndex[] indexes : detect) {
            for (HashIndex index : indexes) {
                total += index.size();
            }
        }
        return total;
    }
}
