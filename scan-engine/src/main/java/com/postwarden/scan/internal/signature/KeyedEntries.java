package com.postwarden.scan.internal.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs of a {@code long} sort key and an {@code int} record address, appended in chunks and then joined into
 * two arrays of the exact size, sorted by key: the entries of a hash index with neither a guess of their count
 * nor growing copies. Chunks start small and double up to {@link #MAX_CHUNK}, so the first lines of a file
 * already take the new-chunk branch: compiled code then keeps it instead of starting over when it is first
 * taken, thousands of lines in. Not thread-safe; {@link #sorted} ends its use.
 */
final class KeyedEntries {
    static final int FIRST_CHUNK = 64;
    static final int MAX_CHUNK = 1 << 14;

    /** The joined entries, ordered by key; entries of equal keys in the order they were added. */
    record Sorted(long[] keys, int[] records) {
    }

    private final List<long[]> keyChunks = new ArrayList<>();
    private final List<int[]> recordChunks = new ArrayList<>();
    private long[] keys = new long[0];
    private int[] records = new int[0];
    private int used;
    private int count;

    int count() {
        return count;
    }

    void add(long key, int record) {
        if (used == keys.length) {
            int size = keys.length == 0 ? FIRST_CHUNK : Math.min(MAX_CHUNK, keys.length * 2);
            keys = new long[size];
            records = new int[size];
            keyChunks.add(keys);
            recordChunks.add(records);
            used = 0;
        }
        keys[used] = key;
        records[used++] = record;
        count++;
    }

    Sorted sorted() {
        long[] allKeys = new long[count];
        int[] allRecords = new int[count];
        int at = 0;
        for (int i = 0; i < keyChunks.size(); i++) {
            long[] keyChunk = keyChunks.set(i, null);
            int n = Math.min(keyChunk.length, count - at);
            System.arraycopy(keyChunk, 0, allKeys, at, n);
            System.arraycopy(recordChunks.set(i, null), 0, allRecords, at, n);
            at += n;
        }
        keyChunks.clear();
        recordChunks.clear();
        RadixSort.sort(allKeys, allRecords);
        return new Sorted(allKeys, allRecords);
    }
}
