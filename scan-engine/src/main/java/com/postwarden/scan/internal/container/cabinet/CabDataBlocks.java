package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/** Walks the CFDATA blocks of one folder in order; each block header and payload must lie in the cabinet. */
final class CabDataBlocks {
    private static final int HEADER_SIZE = 8;

    private final Content content;
    private final int count;
    private final int reserve;
    private long position;
    private int index;

    CabDataBlocks(Content content, CabFolder folder, int reserve) {
        this.content = content;
        this.count = folder.blockCount();
        this.reserve = reserve;
        this.position = folder.firstBlock();
    }

    /** The next block, or {@code null} after the folder's last. */
    CabDataBlock next() throws IOException {
        if (index == count) {
            return null;
        }
        Bytes.require(content, position, HEADER_SIZE + reserve, "CAB data block " + index);
        int compressed = Bytes.u16(content, position + 4, "CAB data block");
        int uncompressed = Bytes.u16(content, position + 6, "CAB data block");
        long payload = position + HEADER_SIZE + reserve;
        Bytes.require(content, payload, compressed, "CAB data block " + index);
        position = payload + compressed;
        index++;
        return new CabDataBlock(payload, compressed, uncompressed);
    }
}
