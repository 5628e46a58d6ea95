package com.postwarden.scan.internal.container.installer;

/**
 * One file record of a compiled AutoIt script: where its encrypted tag (the script marker or a FileInstall
 * source), name and data lie, whether the data is compressed, and where the next record starts. Offsets may
 * lie past the end of a truncated file; {@link #end()} tells.
 */
record AutoItRecord(long tagOffset, int tagBytes, long nameOffset, int nameBytes, boolean compressed,
                    long dataOffset, long dataLength) {

    long end() {
        return dataOffset + dataLength;
    }
}
