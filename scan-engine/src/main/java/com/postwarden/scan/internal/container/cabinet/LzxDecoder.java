package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;

/**
 * Decodes LZX, the compression of Microsoft cabinets (folder type 3) and of the MSCompressed section of
 * Compiled HTML Help, frame by frame: each call turns compressed bits into the next frame of at most 32 KB.
 * Written here because no maintained Java library decodes LZX (Commons Compress and XZ for Java do not know
 * it; the few LZX readers for Java are unmaintained single-purpose projects).
 *
 * <p>Follows Microsoft's LZX format as cabinets and CHM use it, with the corrections libmspack documents:
 * 2^15 to 2^21 byte windows, the position slots of each window size, the aligned tree before the main tree,
 * 24-bit block sizes, an empty length tree allowed, and Intel E8 call translation of the first 32768 frames.
 * Not LZX DELTA. A CHM stream resets its state every {@code resetInterval} frames; a cabinet's never does.
 *
 * <p>Memory is the window (at most 2 MB, chosen by the caller from the format's window size, never from a
 * length field) plus small fixed tables. Every match is checked against the data decoded so far and the
 * frame, so no input can read outside the window or loop without consuming input; damaged input gives an
 * {@link IOException}. Not thread-safe; one decoder per stream.
 */
final class LzxDecoder {
    static final int FRAME_SIZE = 32_768;
    static final int MIN_WINDOW_BITS = 15;
    static final int MAX_WINDOW_BITS = 21;

    private static final int NUM_CHARS = 256;
    private static final int MIN_MATCH = 2;
    private static final int NUM_PRIMARY_LENGTHS = 7;
    private static final int NUM_SECONDARY_LENGTHS = 249;
    private static final int PRETREE_SYMBOLS = 20;
    private static final int ALIGNED_SYMBOLS = 8;
    /** Runs of zero or repeated lengths may overshoot the end of a range by up to 50 entries. */
    private static final int LENGTHS_SAFETY = 64;
    private static final int MAX_POSITION_SLOTS = 50;
    private static final int MAX_MAIN_SYMBOLS = NUM_CHARS + MAX_POSITION_SLOTS * 8;
    private static final int INTEL_FRAMES = 32_768;
    private static final int INTEL_TAIL = 10;

    private static final int BLOCK_NONE = 0;
    private static final int BLOCK_VERBATIM = 1;
    private static final int BLOCK_ALIGNED = 2;
    private static final int BLOCK_STORED = 3;

    private static final int[] POSITION_BASE = new int[MAX_POSITION_SLOTS + 1];
    private static final int[] EXTRA_BITS = new int[MAX_POSITION_SLOTS + 1];

    static {
        int extra = 0;
        int base = 0;
        for (int slot = 0; slot <= MAX_POSITION_SLOTS; slot++) {
            EXTRA_BITS[slot] = extra;
            POSITION_BASE[slot] = base;
            base += 1 << extra;
            if (slot >= 3 && slot % 2 == 1 && extra < 17) {
                extra++;
            }
        }
    }

    private final BitReader in;
    private final byte[] window;
    private final int windowSize;
    private final int resetInterval;
    private final int mainSymbols;
    private final byte[] mainLengths = new byte[MAX_MAIN_SYMBOLS + LENGTHS_SAFETY];
    private final byte[] lengthLengths = new byte[NUM_SECONDARY_LENGTHS + LENGTHS_SAFETY];
    private final byte[] alignedLengths = new byte[ALIGNED_SYMBOLS];
    private final byte[] pretreeLengths = new byte[PRETREE_SYMBOLS];
    private final HuffmanCode mainCode = new HuffmanCode("LZX main", MAX_MAIN_SYMBOLS, 12);
    private final HuffmanCode lengthCode = new HuffmanCode("LZX length", NUM_SECONDARY_LENGTHS, 12);
    private final HuffmanCode alignedCode = new HuffmanCode("LZX aligned", ALIGNED_SYMBOLS, 7);
    private final HuffmanCode pretreeCode = new HuffmanCode("LZX pretree", PRETREE_SYMBOLS, 6);

    private int r0;
    private int r1;
    private int r2;
    private boolean headerRead;
    private int intelFileSize;
    private int blockType;
    private int blockLength;
    private int blockRemaining;
    private int windowPos;
    /** Bytes decoded since the start, for checking that matches refer to data that exists. */
    private long decoded;
    private long frame;
    /** Bytes handed out in earlier frames: the position E8 translation works from. */
    private long output;

    /**
     * @param windowBits 15 to 21
     * @param resetInterval frames between state resets (CHM), or 0 for never (cabinets)
     */
    LzxDecoder(BitReader in, int windowBits, int resetInterval) throws IOException {
        if (windowBits < MIN_WINDOW_BITS || windowBits > MAX_WINDOW_BITS) {
            throw new IOException("LZX window of 2^" + windowBits + " bytes is out of range");
        }
        if (resetInterval < 0) {
            throw new IOException("LZX reset interval " + resetInterval + " is out of range");
        }
        this.in = in;
        this.windowSize = 1 << windowBits;
        this.window = new byte[windowSize];
        this.resetInterval = resetInterval;
        this.mainSymbols = NUM_CHARS + positionSlots(windowBits) * 8;
        resetState();
    }

    private static int positionSlots(int windowBits) {
        if (windowBits == 21) {
            return 50;
        }
        return windowBits == 20 ? 42 : windowBits * 2;
    }

    /**
     * Decodes the next frame into {@code out[0..frameSize)}.
     *
     * @param frameSize 1 to 32768; the encoder's frame size (cabinets: the data block's uncompressed size)
     * @param finalFrame whether this frame ends the data the caller wants; a match may then run past its end
     *        (a CHM's last frame is encoded padded beyond the section's stated length)
     */
    void decodeFrame(byte[] out, int frameSize, boolean finalFrame) throws IOException {
        if (frameSize <= 0 || frameSize > FRAME_SIZE) {
            throw new IOException("LZX frame of " + frameSize + " bytes is out of range");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("LZX decoding interrupted");
        }
        if (resetInterval > 0 && frame % resetInterval == 0) {
            resetState();
        }
        if (!headerRead) {
            intelFileSize = in.read(1) == 1 ? in.read(16) << 16 | in.read(16) : 0;
            headerRead = true;
        }
        int frameStart = windowPos;
        int frameEnd = frameStart + frameSize;
        if (frameEnd > windowSize) {
            throw new IOException("LZX frame runs past the end of the window");
        }
        while (windowPos < frameEnd) {
            if (blockRemaining == 0) {
                readBlockHeader();
                continue;
            }
            int runEnd = windowPos + Math.min(blockRemaining, frameEnd - windowPos);
            int start = windowPos;
            if (blockType == BLOCK_STORED) {
                in.readRaw(window, windowPos, runEnd - windowPos);
                windowPos = runEnd;
                decoded += runEnd - start;
            } else {
                decodeCompressed(runEnd, frameEnd, finalFrame);
            }
            int produced = windowPos - start;
            if (produced > blockRemaining) {
                throw new IOException("LZX match runs past the end of its block");
            }
            blockRemaining -= produced;
        }
        in.alignToUnit();
        System.arraycopy(window, frameStart, out, 0, frameSize);
        if (intelFileSize != 0 && frame < INTEL_FRAMES && frameSize > INTEL_TAIL) {
            translateCalls(out, frameSize, (int) output);
        }
        output += frameSize;
        frame++;
        if (windowPos == windowSize) {
            windowPos = 0;
        }
    }

    private void resetState() {
        r0 = 1;
        r1 = 1;
        r2 = 1;
        headerRead = false;
        blockRemaining = 0;
        blockType = BLOCK_NONE;
        Arrays.fill(mainLengths, (byte) 0);
        Arrays.fill(lengthLengths, (byte) 0);
    }

    private void readBlockHeader() throws IOException {
        if (blockType == BLOCK_STORED && (blockLength & 1) == 1) {
            in.skipRawByte();
        }
        blockType = in.read(3);
        int high = in.read(16);
        blockLength = high << 8 | in.read(8);
        blockRemaining = blockLength;
        switch (blockType) {
            case BLOCK_ALIGNED:
                for (int i = 0; i < ALIGNED_SYMBOLS; i++) {
                    alignedLengths[i] = (byte) in.read(3);
                }
                alignedCode.build(alignedLengths, ALIGNED_SYMBOLS);
                readTrees();
                break;
            case BLOCK_VERBATIM:
                readTrees();
                break;
            case BLOCK_STORED:
                in.alignForStoredBlock();
                r0 = in.readRawInt();
                r1 = in.readRawInt();
                r2 = in.readRawInt();
                break;
            default:
                throw new IOException("LZX block type " + blockType + " is invalid");
        }
    }

    private void readTrees() throws IOException {
        readLengths(mainLengths, 0, NUM_CHARS);
        readLengths(mainLengths, NUM_CHARS, mainSymbols);
        mainCode.build(mainLengths, mainSymbols);
        readLengths(lengthLengths, 0, NUM_SECONDARY_LENGTHS);
        lengthCode.build(lengthLengths, NUM_SECONDARY_LENGTHS);
    }

    /** Reads code lengths {@code first..last} as deltas against the previous block's, through the pretree. */
    private void readLengths(byte[] lengths, int first, int last) throws IOException {
        for (int i = 0; i < PRETREE_SYMBOLS; i++) {
            pretreeLengths[i] = (byte) in.read(4);
        }
        pretreeCode.build(pretreeLengths, PRETREE_SYMBOLS);
        int x = first;
        while (x < last) {
            int code = pretreeCode.decode(in);
            if (code == 17) {
                x = fill(lengths, x, in.read(4) + 4, 0);
            } else if (code == 18) {
                x = fill(lengths, x, in.read(5) + 20, 0);
            } else if (code == 19) {
                int run = in.read(1) + 4;
                x = fill(lengths, x, run, delta(lengths[x], pretreeCode.decode(in)));
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

    private void decodeCompressed(int runEnd, int frameEnd, boolean finalFrame) throws IOException {
        byte[] w = window;
        while (windowPos < runEnd) {
            int symbol = mainCode.decode(in);
            if (symbol < NUM_CHARS) {
                w[windowPos++] = (byte) symbol;
                decoded++;
                continue;
            }
            symbol -= NUM_CHARS;
            int length = symbol & NUM_PRIMARY_LENGTHS;
            if (length == NUM_PRIMARY_LENGTHS) {
                length += lengthCode.decode(in);
            }
            length += MIN_MATCH;
            int offset = matchOffset(symbol >>> 3);
            if (windowPos + length > frameEnd) {
                if (!finalFrame) {
                    throw new IOException("LZX match runs past the end of its frame");
                }
                length = frameEnd - windowPos;
            }
            copyMatch(offset, length);
        }
    }

    private int matchOffset(int slot) throws IOException {
        int offset;
        switch (slot) {
            case 0:
                return r0;
            case 1:
                offset = r1;
                r1 = r0;
                r0 = offset;
                return offset;
            case 2:
                offset = r2;
                r2 = r0;
                r0 = offset;
                return offset;
            default:
                int extra = EXTRA_BITS[slot];
                offset = POSITION_BASE[slot] - 2;
                if (blockType == BLOCK_ALIGNED && extra >= 3) {
                    offset += in.read(extra - 3) << 3;
                    offset += alignedCode.decode(in);
                } else if (extra > 16) {
                    offset += in.read(16) << (extra - 16);
                    offset += in.read(extra - 16);
                } else {
                    offset += in.read(extra);
                }
                r2 = r1;
                r1 = r0;
                r0 = offset;
                return offset;
        }
    }

    private void copyMatch(int offset, int length) throws IOException {
        if (offset <= 0 || offset > windowSize || offset > decoded) {
            throw new IOException("LZX match refers to data before the start of the stream");
        }
        byte[] w = window;
        int source = windowPos - offset;
        if (source < 0) {
            source += windowSize;
        }
        if (offset >= length && source + length <= windowSize) {
            System.arraycopy(w, source, w, windowPos, length);
            windowPos += length;
        } else {
            for (int i = 0; i < length; i++) {
                w[windowPos++] = w[source++];
                if (source == windowSize) {
                    source = 0;
                }
            }
        }
        decoded += length;
    }

    /** Undoes the encoder's E8 translation: absolute call targets back to relative ones. */
    private void translateCalls(byte[] data, int size, int framePosition) {
        int end = size - INTEL_TAIL;
        int i = 0;
        while (i < end) {
            if (data[i] != (byte) 0xe8) {
                i++;
                continue;
            }
            int position = framePosition + i;
            int absolute = (data[i + 1] & 0xff) | (data[i + 2] & 0xff) << 8 | (data[i + 3] & 0xff) << 16
                    | (data[i + 4] & 0xff) << 24;
            if (absolute >= -position && absolute < intelFileSize) {
                int relative = absolute >= 0 ? absolute - position : absolute + intelFileSize;
                data[i + 1] = (byte) relative;
                data[i + 2] = (byte) (relative >>> 8);
                data[i + 3] = (byte) (relative >>> 16);
                data[i + 4] = (byte) (relative >>> 24);
            }
            i += 5;
        }
    }
}
