package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.PairSort;
import java.util.Arrays;

/**
 * Builds a {@link LiteralIndex}: collects (literal, pattern) pairs, groups them by their first gram, sizes each
 * hash filter to about {@value #BITS_PER_GRAM} bits per distinct gram (between 2^{@value #MIN_BITS_LOG} and
 * 2^{@value #MAX_BITS_LOG} bits) and fills the exact tables. Not thread-safe.
 */
final class LiteralIndexBuilder {
    static final int BITS_PER_GRAM = 64;
    static final int MIN_BITS_LOG = 12;
    static final int MAX_BITS_LOG = 25;

    private final Growable.Bytes literals;
    private final Growable.Ints starts;
    private final Growable.Ints patterns;

    /** @param expected how many literals will be added (one per pattern, more for case-insensitive ones) */
    LiteralIndexBuilder(int expected) {
        literals = new Growable.Bytes(expected * LiteralChooser.MAX_LENGTH);
        starts = new Growable.Ints(expected);
        patterns = new Growable.Ints(expected);
    }

    /** Adds a literal of 2 to 8 bytes that stands for {@code pattern}. */
    void add(byte[] literal, int pattern) {
        if (literal.length < LiteralChooser.MIN_LENGTH || literal.length > LiteralChooser.MAX_LENGTH) {
            throw new IllegalArgumentException("literals are 2 to 8 bytes, not " + literal.length);
        }
        starts.add(literals.add(literal));
        patterns.add(pattern);
    }

    LiteralIndex build() {
        int n = patterns.size();
        byte[] allLiterals = literals.toArray();
        int[] literalStart = Arrays.copyOf(starts.toArray(), n + 1);
        literalStart[n] = allLiterals.length;
        // order entries by (gram length, gram value) so each gram's entries are contiguous
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int e = 0; e < n; e++) {
            int length = literalStart[e + 1] - literalStart[e];
            int q = Math.min(LiteralIndex.MAX_GRAM, length);
            keys[e] = (long) q << 32 | (gram(allLiterals, literalStart[e], q) & 0xffffffffL);
            order[e] = e;
        }
        PairSort.sort(keys, order, 0, n);
        byte[] sortedLiterals = new byte[allLiterals.length];
        int[] sortedStart = new int[n + 1];
        int[] sortedPattern = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int e = order[i];
            int length = literalStart[e + 1] - literalStart[e];
            System.arraycopy(allLiterals, literalStart[e], sortedLiterals, at, length);
            sortedStart[i] = at;
            sortedPattern[i] = patterns.get(e);
            at += length;
        }
        sortedStart[n] = at;
        LiteralIndex.Grams[] grams = new LiteralIndex.Grams[LiteralIndex.MAX_GRAM + 1];
        int from = 0;
        while (from < n) {
            int q = (int) (keys[from] >>> 32);
            int to = from;
            while (to < n && (int) (keys[to] >>> 32) == q) {
                to++;
            }
            grams[q] = grams(q, keys, from, to, n);
            from = to;
        }
        return new LiteralIndex(grams, sortedLiterals, sortedStart, sortedPattern);
    }

    /** The grams of length {@code q} from the sorted entries {@code from..to} of {@code n}. */
    private static LiteralIndex.Grams grams(int q, long[] keys, int from, int to, int n) {
        int distinct = 0;
        for (int i = from; i < to; i++) {
            if (i == from || keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        int bitsLog = q == 2 ? 16 : Math.max(MIN_BITS_LOG,
                Math.min(MAX_BITS_LOG, 64 - Long.numberOfLeadingZeros((long) distinct * BITS_PER_GRAM - 1)));
        int shift = 32 - bitsLog;
        long[] bits = new long[Math.max(1, (1 << bitsLog) >>> 6)];
        int capacity = Integer.highestOneBit(Math.max(4, distinct * 2 - 1)) << 1;
        int[] table = new int[2 * capacity];
        for (int slot = 0; slot < capacity; slot++) {
            table[2 * slot + 1] = -1;
        }
        int[] groupEnd = new int[n];
        int mask = capacity - 1;
        int i = from;
        while (i < to) {
            int gram = (int) keys[i];
            int end = i;
            while (end < to && keys[end] == keys[i]) {
                end++;
            }
            if (q == 2) {
                bits[(gram & 0xffff) >>> 6] |= 1L << (gram & 63);
            } else {
                int h = LiteralIndex.Grams.hash(gram, shift);
                bits[h >>> 6] |= 1L << (h & 63);
                int h2 = LiteralIndex.Grams.hash2(gram, shift);
                bits[h2 >>> 6] |= 1L << (h2 & 63);
            }
            int slot = LiteralIndex.Grams.mix(gram) & mask;
            while (table[2 * slot + 1] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = gram;
            table[2 * slot + 1] = i;
            groupEnd[i] = end;
            i = end;
        }
        return new LiteralIndex.Grams(q, bits, q == 2 ? 16 : shift, table, groupEnd);
    }

    /** The first {@code q} bytes at {@code at}, big-endian: how a rolling window holds them. */
    static int gram(byte[] bytes, int at, int q) {
        int value = 0;
        for (int i = 0; i < q; i++) {
            value = value << 8 | (bytes[at + i] & 0xff);
        }
        return value;
    }
}
