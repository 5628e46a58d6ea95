package com.postwarden.scan.internal.container.cabinet;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A folder's uncompressed data, decoded one block at a time into a buffer of one block (at most 64 KB).
 * Decoding stops with an {@link InterruptedIOException} once the scanning thread is interrupted, so a scan
 * past its time limit ends even while skipping to a file deep in a folder. Closing it releases the decoder.
 */
final class CabFolderStream extends InputStream {
    private static final int MAX_BLOCK = 65_535;

    private final CabDataBlocks blocks;
    private final CabBlockDecoder decoder;
    private final byte[] block = new byte[MAX_BLOCK];
    private int blockLength;
    private int blockPosition;

    CabFolderStream(CabDataBlocks blocks, CabBlockDecoder decoder) {
        this.blocks = blocks;
        this.decoder = decoder;
    }

    @Override
    public int read() throws IOException {
        if (blockPosition == blockLength && !nextBlock()) {
            return -1;
        }
        return block[blockPosition++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (blockPosition == blockLength && !nextBlock()) {
            return -1;
        }
        int n = Math.min(length, blockLength - blockPosition);
        System.arraycopy(block, blockPosition, target, offset, n);
        blockPosition += n;
        return n;
    }

    /** Skips exactly {@code count} bytes, decoding the blocks in between. */
    void skipExactly(long count, String what) throws IOException {
        long left = count;
        while (left > 0) {
            if (blockPosition == blockLength && !nextBlock()) {
                throw new EOFException("CAB folder data ends before " + what);
            }
            int n = (int) Math.min(left, blockLength - blockPosition);
            blockPosition += n;
            left -= n;
        }
    }

    private boolean nextBlock() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("CAB decoding interrupted");
        }
        CabDataBlock next = blocks.next();
        if (next == null) {
            return false;
        }
        if (next.uncompressedSize() == 0) {
            throw new IOException("CAB folder continues in the next cabinet");
        }
        decoder.decode(next, block);
        blockLength = next.uncompressedSize();
        blockPosition = 0;
        return true;
    }

    @Override
    public void close() {
        decoder.close();
    }
}
