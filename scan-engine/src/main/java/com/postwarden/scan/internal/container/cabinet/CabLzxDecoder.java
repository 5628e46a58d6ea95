package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;

/**
 * Folder compression LZX: the blocks' payloads form one continuous LZX bit stream, and each block's
 * uncompressed size is the size of the next LZX frame. The window size comes from the folder's type field.
 */
final class CabLzxDecoder implements CabBlockDecoder {
    private final LzxDecoder lzx;

    CabLzxDecoder(Content content, CabFolder folder, int reserve) throws IOException {
        this.lzx = new LzxDecoder(BitReader.lzx(new Payloads(content, new CabDataBlocks(content, folder, reserve))),
                folder.windowBits(), 0);
    }

    @Override
    public void decode(CabDataBlock block, byte[] out) throws IOException {
        lzx.decodeFrame(out, block.uncompressedSize(), false);
    }

    /** The payloads of a folder's blocks back to back. */
    private static final class Payloads extends InputStream {
        private final Content content;
        private final CabDataBlocks blocks;
        private final byte[] single = new byte[1];
        private long position;
        private long end;

        Payloads(Content content, CabDataBlocks blocks) {
            this.content = content;
            this.blocks = blocks;
        }

        @Override
        public int read() throws IOException {
            return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == end) {
                CabDataBlock block = blocks.next();
                if (block == null) {
                    return -1;
                }
                position = block.payload();
                end = position + block.compressedSize();
            }
            int n = content.read((int) position, target, offset, (int) Math.min(length, end - position));
            position += n;
            return n;
        }
    }
}
