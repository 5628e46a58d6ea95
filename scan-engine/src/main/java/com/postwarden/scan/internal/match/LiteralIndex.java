package com.postwarden.scan.internal.match;

/**
 * Finds where the patterns' literals (2 to 8 exact bytes each) occur, in one pass and without a dependent
 * memory access per byte. For every position the last four bytes (and, only when some literal is that short,
 * the last three and two) form a gram; a bit set indexed by a multiplicative hash of the gram says whether some
 * literal may start with it. The bit set is sized to about 64 bits per literal (1 MB for 100 000 literals), so it
 * stays in the CPU's level-2 cache and only about 1.5% of positions of random data go on to the exact check: an
 * open-addressing table from the gram to the literals that start with it, whose remaining bytes are compared.
 *
 * <p>Unlike an Aho–Corasick automaton, whose next state depends on the previous one (so a large automaton
 * waits on one cache miss per byte), the lookups of successive positions are independent and the processor
 * overlaps them. Immutable and thread-safe.
 */
final class LiteralIndex {
    /** Grams of four bytes, and of three and two for shorter literals. */
    static final int MAX_GRAM = 4;

    private final Grams[] grams;
    private final byte[] literals;
    private final int[] literalStart;
    private final int[] literalPattern;
    private final long memory;

    /**
     * @param grams index {@code q} holds the grams of length {@code q} (2..4), or {@code null}
     * @param literals all literals, back to back
     * @param literalStart where entry {@code e}'s literal starts in {@code literals}; its end is the next start
     * @param literalPattern the pattern entry {@code e} stands for
     */
    LiteralIndex(Grams[] grams, byte[] literals, int[] literalStart, int[] literalPattern) {
        this.grams = grams;
        this.literals = literals;
        this.literalStart = literalStart;
        this.literalPattern = literalPattern;
        long bytes = literals.length + 4L * (literalStart.length + literalPattern.length);
        for (Grams g : grams) {
            if (g != null) {
                bytes += g.memory();
            }
        }
        this.memory = bytes;
    }

    Grams grams(int length) {
        return grams[length];
    }

    int entries() {
        return literalPattern.length;
    }

    int literalStart(int entry) {
        return literalStart[entry];
    }

    int literalLength(int entry) {
        return literalStart[entry + 1] - literalStart[entry];
    }

    byte literalByte(int at) {
        return literals[at];
    }

    int pattern(int entry) {
        return literalPattern[entry];
    }

    long memoryBytes() {
        return memory;
    }

    /**
     * The literals of one gram length: a hash filter over gram values, and for each distinct gram the entries
     * (literal, pattern) that start with it.
     */
    static final class Grams {
        private final int length;
        private final long[] bits;
        private final int shift;
        private final int mask;
        private final int[] table;
        private final int[] groupEnd;

        /**
         * @param table per slot the gram at {@code 2i} and its first entry at {@code 2i + 1} (-1: empty slot)
         * @param groupEnd the end (exclusive) of the entries of the gram whose first entry is the index
         */
        Grams(int length, long[] bits, int shift, int[] table, int[] groupEnd) {
            this.length = length;
            this.bits = bits;
            this.shift = shift;
            this.mask = table.length / 2 - 1;
            this.table = table;
            this.groupEnd = groupEnd;
        }

        int length() {
            return length;
        }

        /** The filter's first bit for a gram value (already masked to the gram's length). */
        static int hash(int gram, int shift) {
            return (gram * 0x9E3779B1) >>> shift;
        }

        /** The filter's second bit for a gram value. */
        static int hash2(int gram, int shift) {
            return (gram * 0xC2B2AE3D + 0x27D4EB2F) >>> shift;
        }

        /** Whether the gram passes the second hash too (the first was checked in the scan loop). */
        boolean secondBit(int gram) {
            int h = length == 2 ? gram : hash2(gram, shift);
            return (bits[h >>> 6] >>> h & 1) != 0;
        }

        long[] bits() {
            return bits;
        }

        int shift() {
            return shift;
        }

        /** The first entry of the literals starting with {@code gram}, or -1 when there is none. */
        int firstEntry(int gram) {
            for (int i = mix(gram) & mask; ; i = (i + 1) & mask) {
                int first = table[2 * i + 1];
                if (first < 0 || table[2 * i] == gram) {
                    return first;
                }
            }
        }

        /** The end (exclusive) of the entries that start at {@code first}. */
        int entryEnd(int first) {
            return groupEnd[first];
        }

        /** Murmur3's finalizer: every input bit reaches the low bits the table mask keeps. */
        static int mix(int gram) {
            int h = gram;
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            return h ^ (h >>> 16);
        }

        long memory() {
            return 8L * bits.length + 4L * table.length + 4L * groupEnd.length;
        }
    }
}
