package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.io.InterruptedIOException;

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

    private static final int MIN_MATCH = 2;
    private static final int NUM_PRIMARY_LENGTHS = 7;
    private static final int MAX_POSITION_SLOTS = 50;
    /** Only the first 32768 frames (1 GB) undergo E8 translation. */
    private static final int INTEL_FRAMES = 32_768;

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
    private final LzxTrees trees;

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
        this.trees = new LzxTrees(LzxTrees.NUM_CHARS + positionSlots(windowBits) * 8);
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
        startFrame(frameSize);
        int frameStart = windowPos;
        int frameEnd = frameStart + frameSize;
        if (frameEnd > windowSize) {
            throw new IOException("LZX frame runs past the end of the window");
        }
        while (windowPos < frameEnd) {
            if (blockRemaining == 0) {
                readBlockHeader();
            } else {
                decodeRun(frameEnd, finalFrame);
            }
        }
        in.alignToUnit();
        System.arraycopy(window, frameStart, out, 0, frameSize);
        if (intelFileSize != 0 && frame < INTEL_FRAMES) {
            LzxCallTranslation.undo(out, frameSize, (int) output, intelFileSize);
        }
        output += frameSize;
        frame++;
        if (windowPos == windowSize) {
            windowPos = 0;
        }
    }

    private void startFrame(int frameSize) throws IOException {
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
    }

    /** Decodes the current block up to its end or the frame's, whichever comes first. */
    private void decodeRun(int frameEnd, boolean finalFrame) throws IOException {
        int start = windowPos;
        int runEnd = start + Math.min(blockRemaining, frameEnd - start);
        if (blockType == BLOCK_STORED) {
            in.readRaw(window, start, runEnd - start);
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

    private void resetState() {
        r0 = 1;
        r1 = 1;
        r2 = 1;
        headerRead = false;
        blockRemaining = 0;
        blockType = BLOCK_NONE;
        trees.reset();
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
                trees.readAligned(in);
                trees.readMainAndLength(in);
                break;
            case BLOCK_VERBATIM:
                trees.readMainAndLength(in);
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

    private void decodeCompressed(int runEnd, int frameEnd, boolean finalFrame) throws IOException {
        byte[] w = window;
        while (windowPos < runEnd) {
            int symbol = trees.main().decode(in);
            if (symbol < LzxTrees.NUM_CHARS) {
                w[windowPos++] = (byte) symbol;
                decoded++;
                continue;
            }
            symbol -= LzxTrees.NUM_CHARS;
            int length = symbol & NUM_PRIMARY_LENGTHS;
            if (length == NUM_PRIMARY_LENGTHS) {
                length += trees.length().decode(in);
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
                    offset += trees.aligned().decode(in);
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
}
