package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.BlockDecodingStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Decodes the bzip2 dialect NSIS writes: bzip2 blocks (Huffman-coded MTF/RLE2 symbols, Burrows-Wheeler
 * transform, RLE1) of at most 900,000 bytes, but without the stream header and with each block announced by
 * the single byte {@code 0x31} (the end by {@code 0x17}) instead of the 48-bit magic, and without block CRCs or
 * the randomisation bit. Commons Compress reads standard bzip2 only and checks CRCs, hence this decoder. Memory
 * is at most one block's transform vector, grown as the block needs it.
 */
final class NsisBzip2InputStream extends BlockDecodingStream implements Bzip2HuffmanTable.BitSource {
    private static final int BLOCK_MARK = 0x31;
    private static final int END_MARK = 0x17;
    private static final int MAX_BLOCK = 900_000;
    private static final int MIN_GROUPS = 2;
    private static final int MAX_GROUPS = 6;
    private static final int MAX_SELECTORS = 18_002;
    private static final int GROUP_SIZE = 50;
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
        Bzip2HuffmanTable[] tables = new Bzip2HuffmanTable[groups];
        for (int t = 0; t < groups; t++) {
            tables[t] = new Bzip2HuffmanTable(codeLengths(alphabet));
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
        return Arrays.copyOf(map, count);
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
            selectors[i] = (byte) moveToFront(order, index);
        }
        return selectors;
    }

    private int[] codeLengths(int alphabet) throws IOException {
        int[] lengths = new int[alphabet];
        int length = bits(5);
        for (int i = 0; i < alphabet; i++) {
            while (true) {
                if (length < 1 || length > Bzip2HuffmanTable.MAX_CODE_LENGTH) {
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
    private int decodeSymbols(int[] symbolsInUse, Bzip2HuffmanTable[] tables, byte[] selectors) throws IOException {
        int endOfBlock = symbolsInUse.length + 1;
        byte[] mtf = new byte[256];
        for (int i = 0; i < 256; i++) {
            mtf[i] = (byte) i;
        }
        int[] counts = new int[256];
        SymbolReader symbols = new SymbolReader(tables, selectors);
        int length = 0;
        int run = 0;
        int runWeight = 1;
        while (true) {
            int symbol = symbols.next();
            if (symbol == RUN_A || symbol == RUN_B) {
                if (runWeight >= MAX_RUN) {
                    throw new IOException("NSIS bzip2 run too long");
                }
                run += (symbol + 1) * runWeight;
                runWeight <<= 1;
                continue;
            }
            if (run > 0) {
                length = append(length, symbolsInUse[mtf[0] & 0xff], run, counts);
                run = 0;
                runWeight = 1;
            }
            if (symbol == endOfBlock) {
                break;
            }
            length = append(length, symbolsInUse[moveToFront(mtf, symbol - 1)], 1, counts);
        }
        linkTransform(counts, length);
        return length;
    }

    /** Adds to each byte of the block the position of its successor in the sorted block (inverse BWT links). */
    private void linkTransform(int[] counts, int length) {
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
    }

    private static int moveToFront(byte[] order, int index) {
        byte moved = order[index];
        System.arraycopy(order, 0, order, 1, index);
        order[0] = moved;
        return moved & 0xff;
    }

    private int append(int length, int value, int times, int[] counts) throws IOException {
        if (times > MAX_BLOCK - length) {
            throw new IOException("NSIS bzip2 block exceeds " + MAX_BLOCK + " bytes");
        }
        int needed = length + times;
        if (needed > tt.length) {
            tt = Arrays.copyOf(tt, Math.min(MAX_BLOCK, Math.max(needed, Math.max(INITIAL_VECTOR, tt.length * 2))));
        }
        for (int i = 0; i < times; i++) {
            tt[length + i] = value;
        }
        counts[value] += times;
        return needed;
    }

    private void invert(int length, int origin) {
        blockLength = length;
        used = 0;
        position = tt[origin] >>> 8;
    }

    @Override
    public int bits(int count) throws IOException {
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

    /** The symbols of a block, each decoded with the table its group of 50 selects. */
    private final class SymbolReader {
        private final Bzip2HuffmanTable[] tables;
        private final byte[] selectors;
        private int group = -1;
        private int groupLeft;

        SymbolReader(Bzip2HuffmanTable[] tables, byte[] selectors) {
            this.tables = tables;
            this.selectors = selectors;
        }

        int next() throws IOException {
            if (groupLeft == 0) {
                if (++group >= selectors.length) {
                    throw new IOException("NSIS bzip2 block has more symbol groups than selectors");
                }
                groupLeft = GROUP_SIZE;
            }
            groupLeft--;
            return tables[selectors[group]].decode(NsisBzip2InputStream.this);
        }
    }
}
