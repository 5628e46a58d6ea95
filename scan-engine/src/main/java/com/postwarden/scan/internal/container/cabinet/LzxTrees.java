package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.util.Arrays;

/**
 * The Huffman codes of an LZX block: main (literals and match headers), length and aligned-offset. Main and
 * length code lengths come as deltas against the previous block's, coded through a 20-symbol pretree; a reset
 * zeroes them. Not thread-safe; part of one {@link LzxDecoder}.
 */
final class LzxTrees {
    static final int NUM_CHARS = 256;
    static final int NUM_SECONDARY_LENGTHS = 249;
    static final int MAX_MAIN_SYMBOLS = NUM_CHARS + 50 * 8;

    private static final int PRETREE_SYMBOLS = 20;
    private static final int ALIGNED_SYMBOLS = 8;
    /** Runs of zero or repeated lengths may overshoot the end of a range by up to 50 entries. */
    private static final int LENGTHS_SAFETY = 64;

    private final int mainSymbols;
    private final byte[] mainLengths = new byte[MAX_MAIN_SYMBOLS + LENGTHS_SAFETY];
    private final byte[] lengthLengths = new byte[NUM_SECONDARY_LENGTHS + LENGTHS_SAFETY];
    private final byte[] alignedLengths = new byte[ALIGNED_SYMBOLS];
    private final byte[] pretreeLengths = new byte[PRETREE_SYMBOLS];
    private final HuffmanCode main = new HuffmanCode("LZX main", MAX_MAIN_SYMBOLS, 12);
    private final HuffmanCode length = new HuffmanCode("LZX length", NUM_SECONDARY_LENGTHS, 12);
    private final HuffmanCode aligned = new HuffmanCode("LZX aligned", ALIGNED_SYMBOLS, 7);
    private final HuffmanCode pretree = new HuffmanCode("LZX pretree", PRETREE_SYMBOLS, 6);

    /** @param mainSymbols 256 literals plus 8 match headers per position slot of the window */
    LzxTrees(int mainSymbols) {
        this.mainSymbols = mainSymbols;
    }

    HuffmanCode main() {
        return main;
    }

    HuffmanCode length() {
        return length;
    }

    HuffmanCode aligned() {
        return aligned;
    }

    void reset() {
        Arrays.fill(mainLengths, (byte) 0);
        Arrays.fill(lengthLengths, (byte) 0);
    }

    /** The aligned-offset code: 8 lengths of 3 bits, before the other codes of an aligned block. */
    void readAligned(BitReader in) throws IOException {
        for (int i = 0; i < ALIGNED_SYMBOLS; i++) {
            alignedLengths[i] = (byte) in.read(3);
        }
        aligned.build(alignedLengths, ALIGNED_SYMBOLS);
    }

    /** The main code in two ranges (literals, then match headers), then the length code, which may be empty. */
    void readMainAndLength(BitReader in) throws IOException {
        readLengths(in, mainLengths, 0, NUM_CHARS);
        readLengths(in, mainLengths, NUM_CHARS, mainSymbols);
        main.build(mainLengths, mainSymbols);
        readLengths(in, lengthLengths, 0, NUM_SECONDARY_LENGTHS);
        length.build(lengthLengths, NUM_SECONDARY_LENGTHS);
    }

    /** Reads code lengths {@code first..last} as deltas against the previous block's, through the pretree. */
    private void readLengths(BitReader in, byte[] lengths, int first, int last) throws IOException {
        for (int i = 0; i < PRETREE_SYMBOLS; i++) {
            pretreeLengths[i] = (byte) in.read(4);
        }
        pretree.build(pretreeLengths, PRETREE_SYMBOLS);
        int x = first;
        while (x < last) {
            int code = pretree.decode(in);
            if (code == 17) {
                x = fill(lengths, x, in.read(4) + 4, 0);
            } else if (code == 18) {
                x = fill(lengths, x, in.read(5) + 20, 0);
            } else if (code == 19) {
                int run = in.read(1) + 4;
                x = fill(lengths, x, run, delta(lengths[x], pretree.decode(in)));
            } else {
                lengths[x] = (byte) delta(lengths[x], code);
                x++;
            }
        }
    }

    private static int delta(int previous, int code) throws IOException {
        int length = previous - code;
        if (length < 0) {
            length += 17;
        }
        if (length < 0 || length > HuffmanCode.MAX_LENGTH) {
            throw new IOException("LZX code length delta " + code + " is invalid");
        }
        return length;
    }

    private static int fill(byte[] lengths, int from, int count, int value) {
        Arrays.fill(lengths, from, from + count, (byte) value);
        return from + count;
    }
}
