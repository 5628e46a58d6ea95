package com.postwarden.scan.internal.signature;

import java.util.Set;

/** What a database file holds, by its extension. */
enum FileKind {
    HASH, BODY, LOGICAL, IGNORE, CONTAINER,
    /** A ClamAV signature type this engine does not implement: its lines are counted as skipped. */
    UNSUPPORTED,
    /** Anything else ({@code .info}, {@code .cfg}, stray files): ignored. */
    OTHER;

    private static final Set<String> UNSUPPORTED_TYPES = Set.of("mdb", "mdu", "msb", "msu", "imp", "cdb", "cbc",
            "crb", "pdb", "gdb", "wdb", "idb", "ftm", "yar", "yara", "pwdb");

    static FileKind of(String extension) {
        return switch (extension) {
            case "hdb", "hsb", "hdu", "hsu", "fp", "sfp" -> HASH;
            case "ndb", "ndu" -> BODY;
            case "ldb", "ldu" -> LOGICAL;
            case "ign", "ign2" -> IGNORE;
            case "cvd", "cld", "cud" -> CONTAINER;
            default -> UNSUPPORTED_TYPES.contains(extension) ? UNSUPPORTED : OTHER;
        };
    }

    /** Whether a file of this kind is part of the database (and so of its fingerprint). */
    boolean isDatabase() {
        return this != OTHER;
    }
}
