package com.postwarden.scan.internal.container.cabinet;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads bits most significant first, the order of the LZX and ARJ Huffman coders. LZX packs its bits into
 * 16-bit little-endian words, ARJ into plain bytes; {@link #lzx} and {@link #bytes} make the two kinds.
 *
 * <p>LZX words are fetched only when asked for, one at a time, so the reader's position in the underlying
 * bytes is exact: LZX relies on that when it switches to raw bytes for a stored block. ARJ bytes, which know
 * no such switch, are buffered up to 32 bits ahead. Looking ahead past the
 * end of the input sees zeros (a Huffman code at the very end may be shorter than the 16 bits peeked), but
 * consuming a bit that is not there fails with {@link EOFException}. Not thread-safe.
 */
final class BitReader {
    private static final int BUFFER_SIZE = 4096;

    private final InputStream in;
    private final int unitBits;
    private final String format;
    private final byte[] bytes = new byte[BUFFER_SIZE];
    private int bytePos;
    private int byteLimit;
    private boolean inputEnded;
    /** Unconsumed bits, left-aligned: the next bit is bit 31. */
    private int bitBuffer;
    private int bitsLeft;
    /** How many of the {@link #bitsLeft} bits are zeros made up past the end of the input. */
    private int phantomBits;

    private BitReader(InputStream in, int unitBits, String format) {
        this.in = in;
        this.unitBits = unitBits;
        this.format = format;
    }

    /** Bits in 16-bit little-endian words, as LZX writes them. */
    static BitReader lzx(InputStream in) {
        return new BitReader(in, 16, "LZX");
    }

    /** Bits in bytes, as ARJ writes them. */
    static BitReader bytes(InputStream in, String format) {
        return new BitReader(in, 8, format);
    }

    /** The next 16 bits without consuming them. */
    int peek16() throws IOException {
        ensure(16);
        return bitBuffer >>> 16;
    }

    /** Consumes {@code count} bits, 0 to 16. */
    void skip(int count) throws IOException {
        ensure(count);
        bitBuffer <<= count;
        bitsLeft -= count;
        if (bitsLeft < phantomBits) {
            throw new EOFException(format + " data ends early");
        }
    }

    /** Reads {@code count} bits, 0 to 16, as an unsigned number. */
    int read(int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        ensure(count);
        int value = bitBuffer >>> (32 - count);
        skip(count);
        return value;
    }

    /** Drops the rest of the current unit: the next read starts at a unit boundary. */
    void alignToUnit() throws IOException {
        skip(bitsLeft % unitBits);
    }

    /**
     * Moves to raw bytes for an LZX stored block: drops the rest of the current word, or a whole word of
     * padding when the reader already stands on a word boundary.
     */
    void alignForStoredBlock() throws IOException {
        if (bitsLeft == 0) {
            skip(16);
        } else if (bitsLeft < 16 && phantomBits == 0) {
            bitsLeft = 0;
            bitBuffer = 0;
        } else {
            throw new IOException(format + " stored block is misaligned");
        }
    }

    /** Reads raw bytes; only valid on a byte boundary with no bits buffered (after {@link #alignForStoredBlock}). */
    void readRaw(byte[] target, int offset, int length) throws IOException {
        requireNoBufferedBits();
        for (int done = 0; done < length; ) {
            if (bytePos == byteLimit && !fill()) {
                throw new EOFException(format + " stored block ends early");
            }
            int n = Math.min(length - done, byteLimit - bytePos);
            System.arraycopy(bytes, bytePos, target, offset + done, n);
            bytePos += n;
            done += n;
        }
    }

    /** Reads a raw little-endian 32-bit number; same conditions as {@link #readRaw}. */
    int readRawInt() throws IOException {
        byte[] four = new byte[4];
        readRaw(four, 0, 4);
        return (four[0] & 0xff) | (four[1] & 0xff) << 8 | (four[2] & 0xff) << 16 | (four[3] & 0xff) << 24;
    }

    /** Skips one raw byte (the padding after an odd-sized LZX stored block). */
    void skipRawByte() throws IOException {
        requireNoBufferedBits();
        if (nextByte() < 0) {
            throw new EOFException(format + " data ends early");
        }
    }

    private void requireNoBufferedBits() throws IOException {
        if (bitsLeft != 0) {
            throw new IOException(format + " stored data is misaligned");
        }
    }

    private void ensure(int count) throws IOException {
        if (bitsLeft >= count) {
            return;
        }
        // bytes carry no alignment rules, so fill the buffer; LZX words are fetched only when needed
        int wanted = unitBits == 8 ? 32 - unitBits + 1 : count;
        while (bitsLeft < wanted) {
            int unit = nextUnit();
            if (unit < 0) {
                unit = 0;
                phantomBits += unitBits;
            }
            bitBuffer |= unit << (32 - unitBits - bitsLeft);
            bitsLeft += unitBits;
        }
    }

    private int nextUnit() throws IOException {
        int low = nextByte();
        if (unitBits == 8 || low < 0) {
            return low;
        }
        int high = nextByte();
        // an odd byte at the very end is the low half of a word whose high half is missing
        return high < 0 ? low : high << 8 | low;
    }

    private int nextByte() throws IOException {
        if (bytePos == byteLimit && !fill()) {
            return -1;
        }
        return bytes[bytePos++] & 0xff;
    }

    private boolean fill() throws IOException {
        if (inputEnded) {
            return false;
        }
        int n = in.read(bytes, 0, bytes.length);
        if (n <= 0) {
            inputEnded = true;
            return false;
        }
        bytePos = 0;
        byteLimit = n;
        return true;
    }
}
