package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/** Folder compression "none": each block's bytes are the data. */
final class CabStoredDecoder implements CabBlockDecoder {
    private final Content content;

    CabStoredDecoder(Content content) {
        this.content = content;
    }

    @Override
    public void decode(CabDataBlock block, byte[] out) throws IOException {
        if (block.compressedSize() != block.uncompressedSize()) {
            throw new IOException("CAB stored block claims " + block.uncompressedSize() + " bytes but holds "
                    + block.compressedSize());
        }
        content.read((int) block.payload(), out, 0, block.compressedSize());
    }
}
