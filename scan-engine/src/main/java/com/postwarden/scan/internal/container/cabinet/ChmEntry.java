package com.postwarden.scan.internal.container.cabinet;

/**
 * One entry of a CHM directory listing (PMGL).
 *
 * @param section 0 for uncompressed, 1 for MSCompressed (LZX)
 * @param offset where the entry's bytes start in its section
 */
record ChmEntry(String name, long section, long offset, long length) {
    /** The storage files through which the sections themselves are described (ITSS "::DataSpace/"). */
    static final String DATA_SPACE_PREFIX = "::DataSpace/";

    boolean isDirectory() {
        return name.endsWith("/");
    }

    boolean isStorageInternal() {
        return name.startsWith(DATA_SPACE_PREFIX);
    }
}
