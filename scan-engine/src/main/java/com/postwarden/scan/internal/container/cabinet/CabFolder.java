package com.postwarden.scan.internal.container.cabinet;

/**
 * One CFFOLDER record: where the folder's data blocks start, how many there are and how they are compressed.
 *
 * @param compression the typeCompress field: method in bits 0-3, LZX window bits or Quantum level in bits 8-12
 */
record CabFolder(int index, long firstBlock, int blockCount, int compression) {
    static final int METHOD_NONE = 0;
    static final int METHOD_MSZIP = 1;
    static final int METHOD_QUANTUM = 2;
    static final int METHOD_LZX = 3;

    int method() {
        return compression & 0xf;
    }

    int windowBits() {
        return (compression >>> 8) & 0x1f;
    }

    String methodName() {
        switch (method()) {
            case METHOD_NONE:
                return "none";
            case METHOD_MSZIP:
                return "MSZIP";
            case METHOD_QUANTUM:
                return "Quantum";
            case METHOD_LZX:
                return "LZX";
            default:
                return "unknown (" + method() + ")";
        }
    }
}
