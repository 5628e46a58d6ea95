package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.util.Arrays;

/**
 * A canonical Huffman code of at most 16 bits, rebuilt from code lengths as LZX and ARJ transmit them: codes
 * are assigned in order of length, then of symbol. Only complete codes are accepted, plus the empty code (all
 * lengths zero), which LZX sends for trees a block never uses; decoding with an empty code fails. Codes up to
 * {@code tableBits} long are found with one table look-up, longer ones by a search over the code lengths.
 * Reusable: {@link #build} replaces the code. Not thread-safe.
 */
final class HuffmanCode {
    static final int MAX_LENGTH = 16;

    private final String name;
    private final int maxSymbols;
    private final int tableBits;
    /** For a code of at most tableBits bits: {@code symbol << 5 | length}; -1 for a prefix of a longer code. */
    private final int[] table;
    private final int[] count = new int[MAX_LENGTH + 1];
    private final int[] firstCode = new int[MAX_LENGTH + 1];
    private final int[] firstIndex = new int[MAX_LENGTH + 1];
    private final int[] sortedSymbols;
    private int maxLength;
    private int constantSymbol = -1;

    HuffmanCode(String name, int maxSymbols, int tableBits) {
        this.name = name;
        this.maxSymbols = maxSymbols;
        this.tableBits = tableBits;
        this.table = new int[1 << tableBits];
        this.sortedSymbols = new int[maxSymbols];
    }

    /** Builds the code for symbols {@code 0..symbols-1} from their code lengths (0 = symbol unused). */
    void build(byte[] lengths, int symbols) throws IOException {
        if (symbols > maxSymbols) {
            throw new IllegalArgumentException(symbols + " symbols for a code of at most " + maxSymbols);
        }
        constantSymbol = -1;
        Arrays.fill(count, 0);
        for (int symbol = 0; symbol < symbols; symbol++) {
            int length = lengths[symbol];
            if (length < 0 || length > MAX_LENGTH) {
                throw new IOException(name + " code length " + length + " is out of range");
            }
            count[length]++;
        }
        count[0] = 0;
        long space = 1L << MAX_LENGTH;
        maxLength = 0;
        for (int length = 1; length <= MAX_LENGTH; length++) {
            space -= (long) count[length] << (MAX_LENGTH - length);
            if (count[length] > 0) {
                maxLength = length;
            }
        }
        if (maxLength == 0) {
            return;
        }
        if (space != 0) {
            throw new IOException(name + " code is " + (space < 0 ? "over-subscribed" : "incomplete"));
        }
        assignCodes(lengths, symbols);
    }

    /** Makes a code of one symbol that takes no bits at all, as ARJ sends a tree with a single symbol. */
    void buildConstant(int symbol) throws IOException {
        if (symbol < 0 || symbol >= maxSymbols) {
            throw new IOException(name + " code names symbol " + symbol + " of " + maxSymbols);
        }
        constantSymbol = symbol;
        maxLength = 0;
    }

    /** Decodes one symbol. */
    int decode(BitReader in) throws IOException {
        if (constantSymbol >= 0) {
            return constantSymbol;
        }
        if (maxLength == 0) {
            throw new IOException(name + " code is empty but a symbol is needed");
        }
        int bits = in.peek16();
        int entry = table[bits >>> (MAX_LENGTH - tableBits)];
        if (entry >= 0) {
            in.skip(entry & 31);
            return entry >>> 5;
        }
        for (int length = tableBits + 1; length <= maxLength; length++) {
            int index = (bits >>> (MAX_LENGTH - length)) - firstCode[length];
            if (index >= 0 && index < count[length]) {
                in.skip(length);
                return sortedSymbols[firstIndex[length] + index];
            }
        }
        throw new IOException(name + " code is invalid");
    }

    private void assignCodes(byte[] lengths, int symbols) {
        int code = 0;
        int index = 0;
        for (int length = 1; length <= MAX_LENGTH; length++) {
            firstCode[length] = code;
            firstIndex[length] = index;
            code = (code + count[length]) << 1;
            index += count[length];
        }
        int[] nextIndex = Arrays.copyOf(firstIndex, firstIndex.length);
        for (int symbol = 0; symbol < symbols; symbol++) {
            int length = lengths[symbol];
            if (length > 0) {
                sortedSymbols[nextIndex[length]++] = symbol;
            }
        }
        for (int length = 1; length <= maxLength; length++) {
            for (int i = 0; i < count[length]; i++) {
                int symbolCode = firstCode[length] + i;
                int symbol = sortedSymbols[firstIndex[length] + i];
                if (length <= tableBits) {
                    int shift = tableBits - length;
                    Arrays.fill(table, symbolCode << shift, (symbolCode + 1) << shift, symbol << 5 | length);
                } else {
                    table[symbolCode >>> (length - tableBits)] = -1;
                }
            }
        }
    }
}
