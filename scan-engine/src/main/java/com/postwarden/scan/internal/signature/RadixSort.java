package com.postwarden.scan.internal.signature;

/**
 * Sorts {@code long} keys (as signed numbers) with {@code int} values moved along, stably: entries with equal
 * keys keep their order. Least significant digit first, over the bits that differ between keys only (hash keys
 * hold a size in their high half, whose top bits are zero), in as few passes of at most {@value #MAX_BITS} bits
 * as those need; a pass whose digit is the same in every key is left out, and all digit counts come from one
 * read of the keys. The loops are short and call nothing, so a cold JVM compiles them at once. Needs a second
 * pair of arrays of the same size for the passes.
 */
final class RadixSort {
    static final int MAX_BITS = 12;

    private RadixSort() {
    }

    /** Sorts {@code keys} and moves {@code values} (of the same length) along. */
    static void sort(long[] keys, int[] values) {
        int n = keys.length;
        long differing = differingBits(keys);
        if (differing == 0) {
            return;
        }
        int bits = Long.SIZE - Long.numberOfLeadingZeros(differing);
        int passes = (bits + MAX_BITS - 1) / MAX_BITS;
        int width = (bits + passes - 1) / passes;
        // a method per loop: compiled while it runs, the loop's end then leaves only that method's code
        int[][] counts = counts(keys, passes, width);
        long[] fromKeys = keys;
        int[] fromValues = values;
        long[] toKeys = null;
        int[] toValues = null;
        for (int pass = 0; pass < passes; pass++) {
            int[] count = counts[pass];
            if (count[digit(fromKeys[0], pass, width)] == n) {
                continue;
            }
            if (toKeys == null) {
                toKeys = new long[n];
                toValues = new int[n];
            }
            scatter(fromKeys, fromValues, toKeys, toValues, count, pass, width);
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

    /** The bits in which some key differs from the first (of the sign-flipped keys). */
    private static long differingBits(long[] keys) {
        long differing = 0;
        for (long key : keys) {
            differing |= key ^ keys[0];
        }
        return differing;
    }

    /** One pass: moves every entry to its digit's place, in order, so the sort stays stable. */
    private static void scatter(long[] fromKeys, int[] fromValues, long[] toKeys, int[] toValues, int[] count,
                                int pass, int width) {
        int[] next = new int[count.length];
        for (int d = 1; d < count.length; d++) {
            next[d] = next[d - 1] + count[d - 1];
        }
        for (int i = 0; i < fromKeys.length; i++) {
            long key = fromKeys[i];
            int at = next[digit(key, pass, width)]++;
            toKeys[at] = key;
            toValues[at] = fromValues[i];
        }
    }

    private static int[][] counts(long[] keys, int passes, int width) {
        int[][] counts = new int[passes][1 << width];
        for (long key : keys) {
            for (int pass = 0; pass < passes; pass++) {
                counts[pass][digit(key, pass, width)]++;
            }
        }
        return counts;
    }

    /** Digit {@code pass} of the key with its sign bit flipped, so unsigned digit order is signed key order. */
    private static int digit(long key, int pass, int width) {
        return (int) ((key ^ Long.MIN_VALUE) >>> (pass * width)) & ((1 << width) - 1);
    }
}
