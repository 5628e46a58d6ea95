package com.postwarden.scan.internal.container.installer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes the bzip2 dialect NSIS writes: bzip2 blocks (Huffman-coded MTF/RLE2 symbols, Burrows-Wheeler
 * transform, RLE1) of at most 900,000 bytes, but without the stream header and with each block announced by
 * the single byte {@code 0x31} (the end by {@code 0x17}) instead of the 48-bit magic, and without block CRCs or
 * the randomisation bit. Commons Compress reads standard bzip2 only and checks CRCs, hence this decoder. Memory
 * is at most one block's transform vector, grown as the block needs it.
 */
final class NsisBzip2InputStream extends InputStream {
    private static final int BLOCK_MARK = 0x31;
    private static final int END_MARK = 0x17;
    private static final int MAX_BLOCK = 900_000;
    private static final int MIN_GROUPS = 2;
    private static final int MAX_GROUPS = 6;
    private static final int MAX_SELECTORS = 18_002;
    private static final int GROUP_SIZE = 50;
    private static final int MAX_CODE_LENGTH = 20;
    private static final int RUN_A = 0;
    private static final int RUN_B = 1;
    private static final int MAX_RUN = 2 * 1024 * 1024;
    private static final int INITIAL_VECTOR = 1 << 16;

    private final InputStream in;
    private long bitBuffer;
    private int bitCount;
    private int[] tt = new int[0];
    private boolean end;
    // the block being output
    private int blockLength;
    private int used;
    private int position;
    // RLE1 state
    private int last = -1;
    private int sameCount;
    private int repeatLeft;

    NsisBzip2InputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = 0;
        while (n < length) {
            if (repeatLeft > 0) {
                target[offset + n++] = (byte) last;
                repeatLeft--;
                continue;
            }
            if (used == blockLength) {
                if (n > 0 || !nextBlock()) {
                    break;
                }
                continue;
            }
            int b = nextTransformed();
            if (sameCount == 4) {
                // the byte after four equal ones counts further repeats
                repeatLeft = b;
                sameCount = 0;
                continue;
            }
            if (b == last) {
                sameCount++;
            } else {
                last = b;
                sameCount = 1;
            }
            target[offset + n++] = (byte) b;
        }
        return n == 0 ? -1 : n;
    }

    private int nextTransformed() {
        position = tt[position];
        int b = position & 0xff;
        position >>>= 8;
        used++;
        return b;
    }

    /** Decodes the next block; false at the end of the stream. */
    private boolean nextBlock() throws IOException {
        if (end) {
            return false;
        }
        int mark = bits(8);
        if (mark == END_MARK) {
            end = true;
            return false;
        }
        if (mark != BLOCK_MARK) {
            throw new IOException("NSIS bzip2 block starts with 0x" + Integer.toHexString(mark) + ", not 0x31");
        }
        int origin = bits(24);
        int[] symbolsInUse = symbolMap();
        int alphabet = symbolsInUse.length + 2;
        int groups = bits(3);
        int selectorCount = bits(15);
        if (groups < MIN_GROUPS || groups > MAX_GROUPS || selectorCount < 1 || selectorCount > MAX_SELECTORS) {
            throw new IOException("NSIS bzip2 block has " + groups + " tables and " + selectorCount + " selectors");
        }
        byte[] selectors = selectors(groups, selectorCount);
        HuffmanTable[] tables = new HuffmanTable[groups];
        for (int t = 0; t < groups; t++) {
            tables[t] = new HuffmanTable(codeLengths(alphabet));
        }
        int length = decodeSymbols(symbolsInUse, tables, selectors);
        if (origin >= length) {
            throw new IOException("NSIS bzip2 block origin " + origin + " lies outside its " + length + " bytes");
        }
        invert(length, origin);
        last = -1;
        sameCount = 0;
        return true;
    }

    private int[] symbolMap() throws IOException {
        int ranges = bits(16);
        int[] map = new int[256];
        int count = 0;
        for (int i = 0; i < 16; i++) {
            if ((ranges & 0x8000 >>> i) != 0) {
                int used16 = bits(16);
                for (int j = 0; j < 16; j++) {
                    if ((used16 & 0x8000 >>> j) != 0) {
                        map[count++] = i * 16 + j;
                    }
                }
            }
        }
        if (count == 0) {
            throw new IOException("NSIS bzip2 block uses no byte values");
        }
        return java.util.Arrays.copyOf(map, count);
    }

    private byte[] selectors(int groups, int count) throws IOException {
        byte[] order = new byte[groups];
        for (int i = 0; i < groups; i++) {
            order[i] = (byte) i;
        }
        byte[] selectors = new byte[count];
        for (int i = 0; i < count; i++) {
            int index = 0;
            while (bits(1) == 1) {
                if (++index >= groups) {
                    throw new IOException("NSIS bzip2 selector refers to table " + index + " of " + groups);
                }
            }
            byte selected = order[index];
            System.arraycopy(order, 0, order, 1, index);
            order[0] = selected;
            selectors[i] = selected;
        }
        return selectors;
    }

    private int[] codeLengths(int alphabet) throws IOException {
        int[] lengths = new int[alphabet];
        int length = bits(5);
        for (int i = 0; i < alphabet; i++) {
            while (true) {
                if (length < 1 || length > MAX_CODE_LENGTH) {
                    throw new IOException("NSIS bzip2 code length " + length + " out of range");
                }
                if (bits(1) == 0) {
                    break;
                }
                length += bits(1) == 0 ? 1 : -1;
            }
            lengths[i] = length;
        }
        return lengths;
    }

    /** Huffman and MTF/RLE2 decoding into the low bytes of {@link #tt}; returns the block length. */
    private int decodeSymbols(int[] symbolsInUse, HuffmanTable[] tables, byte[] selectors) throws IOException {
        int endOfBlock = symbolsInUse.length + 1;
        byte[] mtf = new byte[256];
        for (int i = 0; i < 256; i++) {
            mtf[i] = (byte) i;
        }
        int[] counts = new int[256];
        int length = 0;
        int group = -1;
        int groupLeft = 0;
        int run = 0;
        int runWeight = 1;
        while (true) {
            if (groupLeft == 0) {
                if (++group >= selectors.length) {
                    throw new IOException("NSIS bzip2 block has more symbol groups than selectors");
                }
                groupLeft = GROUP_SIZE;
            }
            groupLeft--;
            int symbol = tables[selectors[group]].decode(this);
            if (symbol == RUN_A || symbol == RUN_B) {
                if (runWeight >= MAX_RUN) {
                    throw new IOException("NSIS bzip2 run too long");
                }
                run += (symbol + 1) * runWeight;
                runWeight <<= 1;
                continue;
            }
            if (run > 0) {
                int value = symbolsInUse[mtf[0] & 0xff];
                length = append(length, value, run);
                counts[value] += run;
                run = 0;
                runWeight = 1;
            }
            if (symbol == endOfBlock) {
                break;
            }
            int index = symbol - 1;
            byte moved = mtf[index];
            System.arraycopy(mtf, 0, mtf, 1, index);
            mtf[0] = moved;
            int value = symbolsInUse[moved & 0xff];
            length = append(length, value, 1);
            counts[value]++;
        }
        int sum = 0;
        for (int i = 0; i < 256; i++) {
            int count = counts[i];
            counts[i] = sum;
            sum += count;
        }
        for (int i = 0; i < length; i++) {
            int value = tt[i] & 0xff;
            tt[counts[value]++] |= i << 8;
        }
        return length;
    }

    private int append(int length, int value, int times) throws IOException {
        if (times > MAX_BLOCK - length) {
            throw new IOException("NSIS bzip2 block exceeds " + MAX_BLOCK + " bytes");
        }
        int needed = length + times;
        if (needed > tt.length) {
            tt = java.util.Arrays.copyOf(tt, Math.min(MAX_BLOCK, Math.max(needed, Math.max(INITIAL_VECTOR, tt.length * 2))));
        }
        for (int i = 0; i < times; i++) {
            tt[length + i] = value;
        }
        return needed;
    }

    private void invert(int length, int origin) {
        blockLength = length;
        used = 0;
        position = tt[origin] >>> 8;
    }

    int bits(int count) throws IOException {
        while (bitCount < count) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("NSIS bzip2 data ends inside a block: truncated");
            }
            bitBuffer = bitBuffer << 8 | b;
            bitCount += 8;
        }
        bitCount -= count;
        return (int) (bitBuffer >>> bitCount) & (1 << count) - 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A canonical Huffman code given by its code lengths, decoded a bit at a time past the shortest length. */
    private static final class HuffmanTable {
        private final int minLength;
        private final int maxLength;
        private final int[] firstCode = new int[MAX_CODE_LENGTH + 2];
        private final int[] firstIndex = new int[MAX_CODE_LENGTH + 2];
        private final int[] counts = new int[MAX_CODE_LENGTH + 2];
        private final int[] symbols;

        HuffmanTable(int[] lengths) throws IOException {
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

        int decode(NsisBzip2InputStream stream) throws IOException {
            int length = minLength;
            int code = stream.bits(length);
            while (true) {
                int offset = code - firstCode[length];
                if (offset >= 0 && offset < counts[length]) {
                    return symbols[firstIndex[length] + offset];
                }
                if (length == maxLength) {
                    throw new IOException("NSIS bzip2 data holds an invalid Huffman code");
                }
                code = code << 1 | stream.bits(1);
                length++;
            }
        }
    }
}
