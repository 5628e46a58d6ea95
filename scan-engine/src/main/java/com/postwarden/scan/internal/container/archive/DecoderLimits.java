package com.postwarden.scan.internal.container.archive;

/**
 * Fixed bounds on the memory a decoder may take for a single container, whatever its headers claim. These are
 * safety bounds of the readers, not scan limits: the engine's limits apply to the bytes the entries yield.
 */
final class DecoderLimits {

    /**
     * The largest LZMA/LZMA2 decoder (dictionary plus state) and 7z header structures allowed: the 64 MiB
     * dictionary of {@code xz -9} and {@code 7z -mx9} with room for the decoder's tables. An archive needing
     * more is reported as damaged rather than allowed to claim up to 4 GiB.
     */
    static final int MAX_MEMORY_KIB = 72 * 1024;

    /**
     * The largest compressed 7z header decoded: ample for the file list of any archive within the engine's
     * entry limits, while a header claiming gigabytes (a header bomb) is refused before it is decoded.
     */
    static final long MAX_7Z_HEADER_BYTES = 16L << 20;

    private DecoderLimits() {
    }
}
