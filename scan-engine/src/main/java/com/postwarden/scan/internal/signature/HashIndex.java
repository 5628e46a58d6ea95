package com.postwarden.scan.internal.signature;

import java.util.function.Predicate;

/**
 * The hash signatures of one algorithm from one source file, in sorted primitive arrays: no object per
 * signature. Entries with a known size are ordered by (size, first four digest bytes) packed in a {@code long};
 * entries for any size ({@code *}) by their first eight digest bytes. Each entry points to its record in a
 * {@link RecordBlob}: the digest, then the name. Immutable and thread-safe.
 */
public final class HashIndex {
    private final HashAlgorithm algorithm;
    private final long[] keys;
    private final int[] records;
    private final long[] anySizeKeys;
    private final int[] anySizeRecords;
    private final RecordBlob blob;

    HashIndex(HashAlgorithm algorithm, long[] keys, int[] records, long[] anySizeKeys, int[] anySizeRecords,
              RecordBlob blob) {
        this.algorithm = algorithm;
        this.keys = keys;
        this.records = records;
        this.anySizeKeys = anySizeKeys;
        this.anySizeRecords = anySizeRecords;
        this.blob = blob;
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    public int size() {
        return keys.length + anySizeKeys.length;
    }

    /** Whether an object of {@code size} bytes could match: an entry has this size, or one has any size. */
    public boolean covers(long size) {
        if (anySizeKeys.length > 0) {
            return true;
        }
        int at = lowerBound(keys, size << 32);
        return at < keys.length && keys[at] >>> 32 == size;
    }

    /**
     * The name of the first entry for ({@code size}, {@code digest}) that {@code ignored} does not reject, or
     * {@code null}.
     */
    public String lookup(long size, byte[] digest, Predicate<String> ignored) {
        if (size >= 0 && size <= Integer.MAX_VALUE) {
            String name = find(keys, records, size << 32 | prefix(digest, 4), digest, ignored);
            if (name != null) {
                return name;
            }
        }
        return anySizeKeys.length == 0 ? null : find(anySizeKeys, anySizeRecords, prefix(digest, 8), digest, ignored);
    }

    private String find(long[] sortedKeys, int[] sortedRecords, long key, byte[] digest, Predicate<String> ignored) {
        int length = algorithm.length();
        for (int i = lowerBound(sortedKeys, key); i < sortedKeys.length && sortedKeys[i] == key; i++) {
            int record = sortedRecords[i];
            if (blob.startsWith(record, digest, length)) {
                String name = blob.name(record, length);
                if (!ignored.test(name)) {
                    return name;
                }
            }
        }
        return null;
    }

    static long prefix(byte[] digest, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = value << 8 | (digest[i] & 0xff);
        }
        return value;
    }

    private static int lowerBound(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
