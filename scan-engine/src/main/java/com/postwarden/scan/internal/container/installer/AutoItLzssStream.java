package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.BlockDecodingStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decompresses AutoIt's LZSS variant (after the 8-byte {@code EA0x} + size header), producing exactly the size
 * the header declares. Bits come most significant first from 16-bit big-endian words; a flag bit chooses a
 * literal (8 bits) or a back-reference (15-bit distance, then a length of 3 plus a code growing in 2, 3, 5, 8
 * and repeated 8-bit steps). A reference reaches back at most 32 KiB, so only that much history is kept: the
 * declared size never decides an allocation.
 */
final class AutoItLzssStream extends BlockDecodingStream {
    private static final int WINDOW = 1 << 15;
    private static final int MASK = WINDOW - 1;
    private static final int MIN_MATCH = 3;

    private final InputStream in;
    private final boolean matchOnSetBit;
    private final byte[] window = new byte[WINDOW];
    private long remaining;
    private long produced;
    private int bits;
    private int bitsLeft;
    private int copyDistance;
    private long copyLeft;

    /**
     * @param in            the decrypted compressed data, after its 8-byte header
     * @param size          the uncompressed size the header declares
     * @param matchOnSetBit whether a set flag bit starts a back-reference (EA05) or a clear one (EA06)
     */
    AutoItLzssStream(InputStream in, long size, boolean matchOnSetBit) {
        this.in = in;
        this.remaining = size;
        this.matchOnSetBit = matchOnSetBit;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n = 0;
        while (n < length && remaining > 0) {
            if (copyLeft == 0) {
                nextToken();
                if (copyLeft == 0) {
                    target[offset + n++] = emit(bits(8));
                    continue;
                }
            }
            target[offset + n++] = emit(window[(int) (produced - copyDistance) & MASK]);
            copyLeft--;
        }
        return n;
    }

    private byte emit(int value) {
        byte b = (byte) value;
        window[(int) produced & MASK] = b;
        produced++;
        remaining--;
        return b;
    }

    /** Reads a flag; for a back-reference, sets up the copy (a literal leaves {@code copyLeft} at 0). */
    private void nextToken() throws IOException {
        boolean match = (bits(1) == 1) == matchOnSetBit;
        if (!match) {
            return;
        }
        int distance = bits(15);
        long length = matchLength();
        if (distance == 0 || distance > produced) {
            throw new IOException("AutoIt compressed data refers " + distance + " bytes back, before its start");
        }
        if (length > remaining) {
            throw new IOException("AutoIt compressed data copies " + length + " bytes, past its declared size");
        }
        copyDistance = distance;
        copyLeft = length;
    }

    private long matchLength() throws IOException {
        int code = bits(2);
        long extra = 0;
        if (code == 3) {
            extra = 3;
            code = bits(3);
            if (code == 7) {
                extra = 10;
                code = bits(5);
                if (code == 31) {
                    extra = 41;
                    code = bits(8);
                    if (code == 255) {
                        extra = 296;
                        while ((code = bits(8)) == 255) {
                            extra += 255;
                        }
                    }
                }
            }
        }
        return MIN_MATCH + extra + code;
    }

    private int bits(int count) throws IOException {
        int value = 0;
        for (int i = 0; i < count; i++) {
            if (bitsLeft == 0) {
                int high = in.read();
                int low = in.read();
                if (low < 0) {
                    throw new EOFException("AutoIt compressed data ends " + remaining + " bytes before its declared size");
                }
                bits = high << 8 | low;
                bitsLeft = 16;
            }
            bitsLeft--;
            value = value << 1 | bits >>> bitsLeft & 1;
        }
        return value;
    }
}
