package com.postwarden.scan.internal.container.cabinet;

/**
 * One CFDATA block of a folder.
 *
 * @param payload position of the compressed bytes in the cabinet
 * @param uncompressedSize 0 when the block continues in the next cabinet
 */
record CabDataBlock(long payload, int compressedSize, int uncompressedSize) {
}
