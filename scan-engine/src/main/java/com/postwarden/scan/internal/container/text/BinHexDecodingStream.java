package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.content.ByteDecodingStream;
import java.nio.ByteBuffer;

/**
 * The byte stream inside a BinHex 4.0 text (RFC 1741): the characters between the colons mapped through BinHex's
 * 64-character alphabet (line breaks and white space ignored), then run-length expanded ({@code 0x90 n} repeats
 * the previous byte to {@code n} copies, {@code 0x90 0} is a literal {@code 0x90}). An unexpected character or
 * the end of the text ends the stream; {@link #complete()} tells whether the closing colon was seen.
 */
final class BinHexDecodingStream extends ByteDecodingStream {
    private static final String ALPHABET = "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr";
    private static final int[] VALUES = new int[256];
    private static final int RUN = 0x90;

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private final ByteBuffer bytes;
    private int pos;
    private int bits;
    private int bitCount;
    private boolean ended;
    private boolean complete;
    private int previous = -1;
    private int repeat;

    /** Reads from {@code start}, just after the opening colon. */
    BinHexDecodingStream(ByteBuffer bytes, int start) {
        this.bytes = bytes;
        this.pos = start;
    }

    boolean complete() {
        return complete;
    }

    @Override
    public int read() {
        if (repeat > 0) {
            repeat--;
            return previous;
        }
        int c = decoded();
        if (c != RUN) {
            previous = c;
            return c;
        }
        int count = decoded();
        if (count < 0) {
            return -1;
        }
        if (count == 0) {
            previous = RUN;
            return RUN;
        }
        if (previous < 0) {
            return read(); // a run with nothing before it: ignored
        }
        repeat = count - 2;
        if (count == 1) {
            return read();
        }
        return previous;
    }

    /** The next byte before run-length expansion, or -1. */
    private int decoded() {
        while (bitCount < 8) {
            if (ended || pos >= bytes.limit()) {
                ended = true;
                return -1;
            }
            int c = bytes.get(pos++) & 0xff;
            if (c == ':') {
                ended = true;
                complete = true;
                return -1;
            }
            if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
                continue;
            }
            int value = VALUES[c];
            if (value < 0) {
                ended = true;
                return -1;
            }
            bits = bits << 6 | value;
            bitCount += 6;
        }
        bitCount -= 8;
        return bits >> bitCount & 0xff;
    }
}
