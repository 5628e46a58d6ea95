package com.postwarden.scan.internal.container.cabinet;

import java.io.Closeable;
import java.io.IOException;

/**
 * Turns a folder's data blocks, in order, into their uncompressed bytes: one implementation per compression
 * method. Stateful (MSZIP and LZX carry their history from block to block); one per pass over a folder.
 */
interface CabBlockDecoder extends Closeable {

    /** Decodes {@code block} into {@code out[0..block.uncompressedSize())}. */
    void decode(CabDataBlock block, byte[] out) throws IOException;

    @Override
    default void close() {
    }
}
