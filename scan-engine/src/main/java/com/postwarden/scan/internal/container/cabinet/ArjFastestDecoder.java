package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.io.InputStream;

/**
 * ARJ method 4 ("fastest"): LZ77 without Huffman coding. A unary-prefixed length (0 = literal, then 8 bits)
 * and, for a match, a unary-prefixed position of 9 to 12 extra bits.
 */
final class ArjFastestDecoder extends LzInputStream {
    private static final int THRESHOLD = 3;
    private static final int LENGTH_START = 0;
    private static final int LENGTH_STOP = 7;
    private static final int POSITION_START = 9;
    private static final int POSITION_STOP = 13;

    private final BitReader in;

    ArjFastestDecoder(InputStream compressed, long size) {
        super("ARJ", size);
        this.in = BitReader.bytes(compressed, "ARJ");
    }

    @Override
    int next() throws IOException {
        int length = prefixed(LENGTH_START, LENGTH_STOP);
        if (length == 0) {
            return in.read(8);
        }
        return match(length - 1 + THRESHOLD, prefixed(POSITION_START, POSITION_STOP) + 1);
    }

    /** A value whose bit width grows by one for each leading 1 bit, from {@code start} to {@code stop}. */
    private int prefixed(int start, int stop) throws IOException {
        int base = 0;
        int width = start;
        while (width < stop && in.read(1) == 1) {
            base += 1 << width;
            width++;
        }
        return base + in.read(width);
    }
}
