package com.postwarden.scan.internal.signature;

/**
 * Sorts {@code long} keys (as signed numbers) with {@code int} values moved along, stably: entries with equal
 * keys keep their order. Least significant digit first, {@value #BITS} bits per pass, and a pass whose digit is
 * the same in every key is left out; all digit counts come from one read of the keys. The loops are short and
 * call nothing, so a cold JVM compiles them at once: a million hash signatures sort in a few passes over the
 * arrays. Needs a second pair of arrays of the same size for the passes.
 */
final class RadixSort {
    static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = (Long.SIZE + BITS - 1) / BITS;

    private RadixSort() {
    }

    /** Sorts {@code keys} and moves {@code values} (of the same length) along. */
    static void sort(long[] keys, int[] values) {
        int n = keys.length;
        if (n == 0) {
            return;
        }
        // a method per loop: compiled while it runs, the loop's end then leaves only that method's code
        int[][] counts = counts(keys);
        long[] fromKeys = keys;
        int[] fromValues = values;
        long[] toKeys = null;
        int[] toValues = null;
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            if (count[digit(fromKeys[0], pass)] == n) {
                continue;
            }
            if (toKeys == null) {
                toKeys = new long[n];
                toValues = new int[n];
            }
            scatter(fromKeys, fromValues, toKeys, toValues, count, pass);
            long[] swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
            int[] swapValues = fromValues;
            fromValues = toValues;
            toValues = swapValues;
        }
        if (fromKeys != keys) {
            System.arraycopy(fromKeys, 0, keys, 0, n);
            System.arraycopy(fromValues, 0, values, 0, n);
        }
    }

    /** One pass: moves every entry to its digit's place, in order, so the sort stays stable. */
    private static void scatter(long[] fromKeys, int[] fromValues, long[] toKeys, int[] toValues, int[] count,
                                int pass) {
        int[] next = new int[BUCKETS];
        for (int d = 1; d < BUCKETS; d++) {
            next[d] = next[d - 1] + count[d - 1];
        }
        for (int i = 0; i < fromKeys.length; i++) {
            long key = fromKeys[i];
            int at = next[digit(key, pass)]++;
            toKeys[at] = key;
            toValues[at] = fromValues[i];
        }
    }

    private static int[][] counts(long[] keys) {
        int[][] counts = new int[PASSES][BUCKETS];
        for (long key : keys) {
            for (int pass = 0; pass < PASSES; pass++) {
                counts[pass][digit(key, pass)]++;
            }
        }
        return counts;
    }

    /** Digit {@code pass} of the key with its sign bit flipped, so unsigned digit order is signed key order. */
    private static int digit(long key, int pass) {
        return (int) ((key ^ Long.MIN_VALUE) >>> (pass * BITS)) & (BUCKETS - 1);
    }
}
