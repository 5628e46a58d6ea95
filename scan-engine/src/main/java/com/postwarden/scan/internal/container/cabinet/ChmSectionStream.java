package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The uncompressed bytes of a CHM's section 1, decoded from the start one 32 KB frame at a time. The frame
 * that reaches the section's stated length is its last, even where the encoder padded it further.
 */
final class ChmSectionStream extends InputStream {
    private final LzxDecoder lzx;
    private final long length;
    private final byte[] frame = new byte[LzxDecoder.FRAME_SIZE];
    private long nextFrame;
    private int frameLength;
    private int framePosition;

    ChmSectionStream(Content content, ChmCompressedSection section) throws IOException {
        this.lzx = new LzxDecoder(BitReader.lzx(new ContentRangeStream(content, section.stream(),
                section.streamLength())), section.windowBits(), section.resetInterval());
        this.length = section.length();
    }

    @Override
    public int read() throws IOException {
        if (framePosition == frameLength && !nextFrame()) {
            return -1;
        }
        return frame[framePosition++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (framePosition == frameLength && !nextFrame()) {
            return -1;
        }
        int n = Math.min(count, frameLength - framePosition);
        System.arraycopy(frame, framePosition, target, offset, n);
        framePosition += n;
        return n;
    }

    /** Skips exactly {@code count} bytes, decoding the frames in between. */
    void skipExactly(long count, String what) throws IOException {
        long left = count;
        while (left > 0) {
            if (framePosition == frameLength && !nextFrame()) {
                throw new EOFException("CHM compressed section ends before " + what);
            }
            int n = (int) Math.min(left, frameLength - framePosition);
            framePosition += n;
            left -= n;
        }
    }

    private boolean nextFrame() throws IOException {
        if (nextFrame >= length) {
            return false;
        }
        int size = (int) Math.min(LzxDecoder.FRAME_SIZE, length - nextFrame);
        lzx.decodeFrame(frame, size, nextFrame + size >= length);
        nextFrame += size;
        frameLength = size;
        framePosition = 0;
        return true;
    }
}
