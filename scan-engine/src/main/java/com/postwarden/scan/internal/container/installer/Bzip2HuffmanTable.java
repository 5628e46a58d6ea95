package com.postwarden.scan.internal.container.installer;

import java.io.IOException;

/**
 * A canonical Huffman code of bzip2 given by its code lengths (1 to 20 bits), decoded a bit at a time past the
 * shortest length. Oversubscribed lengths are refused; a code the lengths leave unassigned is damage when met.
 */
final class Bzip2HuffmanTable {
    static final int MAX_CODE_LENGTH = 20;

    private final int minLength;
    private final int maxLength;
    private final int[] firstCode = new int[MAX_CODE_LENGTH + 2];
    private final int[] firstIndex = new int[MAX_CODE_LENGTH + 2];
    private final int[] counts = new int[MAX_CODE_LENGTH + 2];
    private final int[] symbols;

    /** Source of bits, most significant first. */
    interface BitSource {
        int bits(int count) throws IOException;
    }

    /** @param lengths each symbol's code length, 1 to {@link #MAX_CODE_LENGTH} */
    Bzip2HuffmanTable(int[] lengths) throws IOException {
        int min = MAX_CODE_LENGTH;
        int max = 0;
        for (int length : lengths) {
            counts[length]++;
            min = Math.min(min, length);
            max = Math.max(max, length);
        }
        minLength = min;
        maxLength = max;
        int code = 0;
        int index = 0;
        for (int length = 1; length <= max; length++) {
            code <<= 1;
            firstCode[length] = code;
            firstIndex[length] = index;
            code += counts[length];
            index += counts[length];
            if (code > 1 << length) {
                throw new IOException("NSIS bzip2 Huffman code lengths are oversubscribed");
            }
        }
        symbols = new int[lengths.length];
        int[] next = firstIndex.clone();
        for (int symbol = 0; symbol < lengths.length; symbol++) {
            symbols[next[lengths[symbol]]++] = symbol;
        }
    }

    int decode(BitSource source) throws IOException {
        int length = minLength;
        int code = source.bits(length);
        while (true) {
            int offset = code - firstCode[length];
            if (offset >= 0 && offset < counts[length]) {
                return symbols[firstIndex[length] + offset];
            }
            if (length == maxLength) {
                throw new IOException("NSIS bzip2 data holds an invalid Huffman code");
            }
            code = code << 1 | source.bits(1);
            length++;
        }
    }
}
