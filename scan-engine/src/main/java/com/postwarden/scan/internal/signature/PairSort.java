package com.postwarden.scan.internal.signature;

/**
 * Sorts a {@code long[]} of keys and moves an {@code int[]} of values along, without boxing: the hash indexes
 * of a million signatures are built with it. Quicksort with median-of-three pivots and insertion sort for
 * short ranges; recursion only on the smaller side, so the stack stays logarithmic.
 */
public final class PairSort {
    private static final int INSERTION_LIMIT = 24;

    private PairSort() {
    }

    public static void sort(long[] keys, int[] values, int from, int to) {
        while (to - from > INSERTION_LIMIT) {
            int mid = (from + to) >>> 1;
            long pivot = median(keys[from], keys[mid], keys[to - 1]);
            int i = from;
            int j = to - 1;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, values, i++, j--);
                }
            }
            if (j - from < to - i) {
                sort(keys, values, from, j + 1);
                from = i;
            } else {
                sort(keys, values, i, to);
                to = j + 1;
            }
        }
        insertion(keys, values, from, to);
    }

    private static long median(long a, long b, long c) {
        return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
    }

    private static void insertion(long[] keys, int[] values, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long key = keys[i];
            int value = values[i];
            int j = i - 1;
            while (j >= from && keys[j] > key) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    private static void swap(long[] keys, int[] values, int a, int b) {
        long key = keys[a];
        keys[a] = keys[b];
        keys[b] = key;
        int value = values[a];
        values[a] = values[b];
        values[b] = value;
    }
}
