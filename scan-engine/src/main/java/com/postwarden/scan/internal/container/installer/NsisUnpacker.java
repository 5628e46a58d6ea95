package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.BlockDecodingStream;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Nullsoft installers (NSIS), as the PE unpacker carves their data out of the installer: after the
 * {@link NsisFirstHeader}, either a chain of blocks (a 32-bit length, the top bit set when the block is
 * compressed, then the data: first the installer header, then one block per file) or, in solid mode, one
 * compressed stream holding the same blocks with plain lengths. Hands over the decompressed header ("header":
 * the install script, strings and pages) and each file ("file-1", ...: names live in the script, which is not
 * interpreted). Deflate, NSIS's bzip2 and LZMA (with or without the x86 filter). Hand written because no Java
 * library reads NSIS data; ClamAV's nsis/nulsft.c and 7-Zip's NSIS handler describe the format.
 */
public final class NsisUnpacker implements Unpacker {
    private static final long COMPRESSED = 0x80000000L;
    private static final int CRC = 4;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        NsisFirstHeader header = NsisFirstHeader.read(container, 0);
        long declaredEnd = header.archiveLength();
        long available = Math.min(declaredEnd, container.size());
        if (isBlockChain(container, declaredEnd, available)) {
            unpackBlocks(container, declaredEnd, entries);
        } else {
            unpackSolid(container, available, entries);
        }
    }

    /**
     * Whether the data is a chain of blocks: following their lengths from the first lands exactly on the end (or
     * on the trailing CRC). Solid data read as lengths runs wild. A truncated file is taken for a chain when two
     * blocks at least are whole, as ClamAV guesses.
     */
    static boolean isBlockChain(Content container, long declaredEnd, long available) {
        long position = NsisFirstHeader.SIZE;
        for (int blocks = 0; ; blocks++) {
            if (blocks > 0 && (position == declaredEnd || position + CRC == declaredEnd)) {
                return true;
            }
            if (position + 4 > available) {
                return available < declaredEnd && blocks >= 2;
            }
            long next = position + 4 + (ContentBytes.u32(container, position) & ~COMPRESSED);
            if (next > declaredEnd) {
                return false;
            }
            position = next;
        }
    }

    private static void unpackBlocks(Content container, long declaredEnd, Entries entries) throws IOException {
        NsisCompression compression = null;
        long position = NsisFirstHeader.SIZE;
        for (int index = 0; position + 4 <= declaredEnd && !(index > 0 && position + CRC == declaredEnd); index++) {
            long length = ContentBytes.u32(container, position);
            if (length < 0) {
                throw new IOException("NSIS data cut off at block " + index + " (offset " + position + "): truncated");
            }
            long start = position + 4;
            long size = length & ~COMPRESSED;
            if (!ContentBytes.has(container, start, size)) {
                throw new IOException("NSIS block " + index + " needs " + size + " bytes at offset " + start
                        + ", past the end (" + container.size() + " bytes): truncated");
            }
            position = start + size;
            if (size == 0) {
                continue;
            }
            InputStream raw = new ContentRangeStream(container, start, size);
            if ((length & COMPRESSED) != 0) {
                compression = compression != null ? compression : NsisCompression.detect(container, start);
                raw = compression.decoder(raw);
            }
            try (InputStream block = raw) {
                if (!entries.add(name(index), block)) {
                    return;
                }
            }
        }
    }

    private static void unpackSolid(Content container, long available, Entries entries) throws IOException {
        long start = NsisFirstHeader.SIZE;
        NsisCompression compression = NsisCompression.detect(container, start);
        try (InputStream solid = compression.decoder(new ContentRangeStream(container, start, available - start))) {
            for (int index = 0; ; index++) {
                byte[] length = solid.readNBytes(4);
                if (length.length == 0) {
                    return;
                }
                if (length.length < 4) {
                    throw new EOFException("NSIS solid data ends inside the length of block " + index + ": truncated");
                }
                long size = ((length[0] & 0xffL) | (length[1] & 0xffL) << 8 | (length[2] & 0xffL) << 16
                        | (length[3] & 0xffL) << 24) & ~COMPRESSED;
                if (size == 0) {
                    continue;
                }
                SolidBlockStream block = new SolidBlockStream(solid, size, index);
                if (!entries.add(name(index), block)) {
                    return;
                }
                block.skipRest();
            }
        }
    }

    private static String name(int index) {
        return index == 0 ? "header" : "file-" + index;
    }

    /** One block of a solid stream: exactly its length, an error if the stream ends first. */
    private static final class SolidBlockStream extends BlockDecodingStream {
        private final InputStream solid;
        private final int index;
        private long left;

        SolidBlockStream(InputStream solid, long length, int index) {
            this.solid = solid;
            this.left = length;
            this.index = index;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = solid.read(target, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("NSIS solid data ends " + left + " bytes before the end of block " + index
                        + ": truncated");
            }
            left -= n;
            return n;
        }

        /** Reads past what the scan left unread, to reach the next block. */
        void skipRest() throws IOException {
            byte[] buffer = new byte[8192];
            while (left > 0) {
                read(buffer, 0, buffer.length);
            }
        }
    }
}
