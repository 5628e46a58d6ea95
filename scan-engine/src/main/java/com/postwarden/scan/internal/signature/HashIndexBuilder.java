package com.postwarden.scan.internal.signature;

import java.util.Arrays;

/**
 * Collects the entries of one {@link HashIndex} in growing primitive arrays, then sorts them once. Not
 * thread-safe.
 */
final class HashIndexBuilder {
    private final HashAlgorithm algorithm;
    private int count;
    private int[] sizes;
    private byte[] digests;
    private int[] names;

    HashIndexBuilder(HashAlgorithm algorithm, int expected) {
        this.algorithm = algorithm;
        int capacity = Math.max(16, expected);
        sizes = new int[capacity];
        digests = new byte[capacity * algorithm.length()];
        names = new int[capacity];
    }

    int count() {
        return count;
    }

    /** Adds an entry; {@code size} -1 means any size. The digest is read from {@code hex} at {@code hexAt}. */
    void add(int size, byte[] hex, int hexAt, int nameOffset) {
        if (count == sizes.length) {
            int capacity = count + (count >> 1) + 16;
            sizes = Arrays.copyOf(sizes, capacity);
            digests = Arrays.copyOf(digests, capacity * algorithm.length());
            names = Arrays.copyOf(names, capacity);
        }
        int length = algorithm.length();
        int base = count * length;
        for (int i = 0; i < length; i++) {
            int high = HexDigits.value(hex[hexAt + 2 * i]);
            int low = HexDigits.value(hex[hexAt + 2 * i + 1]);
            digests[base + i] = (byte) (high << 4 | low);
        }
        sizes[count] = size;
        names[count] = nameOffset;
        count++;
    }

    HashIndex build(byte[] nameBlob) {
        int length = algorithm.length();
        int sized = 0;
        for (int i = 0; i < count; i++) {
            if (sizes[i] >= 0) {
                sized++;
            }
        }
        long[] keys = new long[sized];
        int[] sizedOrder = new int[sized];
        long[] anyKeys = new long[count - sized];
        int[] anyOrder = new int[count - sized];
        byte[] digest = new byte[length];
        int s = 0;
        int a = 0;
        for (int i = 0; i < count; i++) {
            System.arraycopy(digests, i * length, digest, 0, length);
            if (sizes[i] >= 0) {
                keys[s] = (long) sizes[i] << 32 | HashIndex.prefix(digest, 4);
                sizedOrder[s++] = i;
            } else {
                anyKeys[a] = HashIndex.prefix(digest, 8);
                anyOrder[a++] = i;
            }
        }
        PairSort.sort(keys, sizedOrder, 0, sized);
        PairSort.sort(anyKeys, anyOrder, 0, anyKeys.length);
        HashIndex index = new HashIndex(algorithm, keys, reorder(sizedOrder, length), reorderNames(sizedOrder),
                anyKeys, reorder(anyOrder, length), reorderNames(anyOrder), nameBlob);
        sizes = null;
        digests = null;
        names = null;
        return index;
    }

    private byte[] reorder(int[] order, int length) {
        byte[] sorted = new byte[order.length * length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(digests, order[i] * length, sorted, i * length, length);
        }
        return sorted;
    }

    private int[] reorderNames(int[] order) {
        int[] sorted = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = names[order[i]];
        }
        return sorted;
    }
}
