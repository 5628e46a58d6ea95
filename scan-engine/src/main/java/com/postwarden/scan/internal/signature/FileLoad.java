package com.postwarden.scan.internal.signature;

/**
 * What reading one database file (or one container) gave, before it is merged into the load: read on any
 * thread, merged in load order, so the result does not depend on which file finished first.
 *
 * @param contents the body, logical and ignore lines, or {@code null} for a hash file or a refused file
 * @param hashTables the hash signatures, or {@code null} when the file held none to index or was refused
 * @param version the container's version, 0 for a plain file
 * @param newestMillis the container's build time or the file's modification time, in epoch milliseconds
 * @param refusal the fixed reason the file was refused whole (e.g. {@code "cvd: cannot read file"}), or
 *     {@code null}
 * @param refusalDetail what went wrong in particular, or {@code null}
 */
record FileLoad(FileContents contents, HashTables hashTables, long version, long newestMillis, String refusal,
                String refusalDetail) {

    static FileLoad of(FileContents contents, HashTables hashTables, long version, long newestMillis) {
        return new FileLoad(contents, hashTables, version, newestMillis, null, null);
    }

    static FileLoad refused(String reason, String detail) {
        return new FileLoad(null, null, 0, 0, reason, detail);
    }

    boolean isRefused() {
        return refusal != null;
    }
}
