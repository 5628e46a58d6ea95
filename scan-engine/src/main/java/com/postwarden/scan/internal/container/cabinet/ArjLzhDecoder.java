package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.io.InputStream;

/**
 * ARJ methods 1 to 3: LZ77 with a 26 KB dictionary and static Huffman codes sent block by block, as in LHA's
 * -lh6-: per block a 16-bit symbol count, a code-length code (T), the literal/length code (C) whose lengths are
 * sent through T, and the position code (P). Lengths are 3 to 256, positions up to 2^16.
 */
final class ArjLzhDecoder extends LzInputStream {
    private static final int THRESHOLD = 3;
    private static final int NC = 255 + 256 + 2 - THRESHOLD;
    private static final int NT = 16 + 3;
    private static final int NP = 16 + 1;
    private static final int CBIT = 9;
    private static final int TBIT = 5;
    private static final int PBIT = 5;

    private final BitReader in;
    private final byte[] cLengths = new byte[NC];
    private final byte[] ptLengths = new byte[NT];
    private final HuffmanCode cCode = new HuffmanCode("ARJ literal", NC, 12);
    private final HuffmanCode tCode = new HuffmanCode("ARJ code-length", NT, 8);
    private final HuffmanCode pCode = new HuffmanCode("ARJ position", NP, 8);
    private int blockRemaining;

    ArjLzhDecoder(InputStream compressed, long size) {
        super("ARJ", size);
        this.in = BitReader.bytes(compressed, "ARJ");
    }

    @Override
    int next() throws IOException {
        if (blockRemaining == 0) {
            int count = in.read(16);
            blockRemaining = count == 0 ? 1 << 16 : count;
            readPtLengths(tCode, NT, TBIT, 3);
            readCLengths();
            readPtLengths(pCode, NP, PBIT, -1);
        }
        blockRemaining--;
        int symbol = cCode.decode(in);
        if (symbol < 256) {
            return symbol;
        }
        int length = symbol - 256 + THRESHOLD;
        int position = pCode.decode(in);
        if (position > 1) {
            position = (1 << (position - 1)) + in.read(position - 1);
        }
        return match(length, position + 1);
    }

    private void readPtLengths(HuffmanCode code, int symbols, int countBits, int special) throws IOException {
        int count = in.read(countBits);
        if (count == 0) {
            code.buildConstant(in.read(countBits));
            return;
        }
        if (count > symbols) {
            throw new IOException("ARJ code of " + count + " symbols exceeds " + symbols);
        }
        int i = 0;
        while (i < count) {
            int length = in.peek16() >>> 13;
            if (length == 7) {
                int bits = in.peek16();
                for (int mask = 1 << 12; (bits & mask) != 0; mask >>>= 1) {
                    length++;
                }
                if (length > HuffmanCode.MAX_LENGTH) {
                    throw new IOException("ARJ code length " + length + " is out of range");
                }
            }
            in.skip(length < 7 ? 3 : length - 3);
            ptLengths[i++] = (byte) length;
            if (i == special) {
                int zeros = in.read(2);
                if (i + zeros > symbols) {
                    throw new IOException("ARJ code lengths overrun the code");
                }
                for (int z = 0; z < zeros; z++) {
                    ptLengths[i++] = 0;
                }
            }
        }
        while (i < symbols) {
            ptLengths[i++] = 0;
        }
        code.build(ptLengths, symbols);
    }

    private void readCLengths() throws IOException {
        int count = in.read(CBIT);
        if (count == 0) {
            int symbol = in.read(CBIT);
            if (symbol >= NC) {
                throw new IOException("ARJ code names a symbol out of range");
            }
            cCode.buildConstant(symbol);
            return;
        }
        if (count > NC) {
            throw new IOException("ARJ code of " + count + " symbols exceeds " + NC);
        }
        int i = 0;
        while (i < count) {
            int c = tCode.decode(in);
            if (c <= 2) {
                int zeros = c == 0 ? 1 : c == 1 ? in.read(4) + 3 : in.read(CBIT) + 20;
                if (i + zeros > NC) {
                    throw new IOException("ARJ code lengths overrun the code");
                }
                for (int z = 0; z < zeros; z++) {
                    cLengths[i++] = 0;
                }
            } else {
                cLengths[i++] = (byte) (c - 2);
            }
        }
        while (i < NC) {
            cLengths[i++] = 0;
        }
        cCode.build(cLengths, NC);
    }
}
