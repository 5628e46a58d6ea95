package com.postwarden.scan.internal.signature;

import com.postwarden.scan.internal.filetype.FileType;

/**
 * ClamAV's numeric target types of {@code .ndb} lines and {@code Target:} of {@code .ldb} lines, mapped to the
 * engine's {@link FileType}s. Target 0 matches any object; HTML (3) and ASCII text (7) also match the normalized
 * form of such objects.
 */
public final class TargetType {
    public static final int ANY = 0;
    public static final int PE = 1;
    public static final int HTML = 3;
    public static final int TEXT = 7;
    private static final FileType[] TYPES = {
        null, FileType.PE, FileType.OLE2, FileType.HTML, FileType.MAIL, FileType.GRAPHICS, FileType.ELF,
        FileType.TEXT, null, FileType.MACH_O, FileType.PDF, null, FileType.JAVA_CLASS
    };

    /** Targets with a type, and 0: one lookup, so a database of one target does not train a branch per target. */
    private static final boolean[] KNOWN = new boolean[TYPES.length];

    static {
        for (int target = 0; target < TYPES.length; target++) {
            KNOWN[target] = target == ANY || TYPES[target] != null;
        }
    }

    private TargetType() {
    }

    /** Checks a target number; returns it or throws with the skip reason. */
    public static int check(int target) throws SignatureFormatException {
        if (target >= 0 && target < TYPES.length && KNOWN[target]) {
            return target;
        }
        if (target == 11) {
            throw new SignatureFormatException("target type 11 (Flash) not detected by the engine");
        }
        throw new SignatureFormatException("unsupported target type " + (target < 0 || target > 99 ? "?" : target));
    }

    /** The ClamAV target number of objects of this type, or 0 when no target names it. */
    public static int of(FileType type) {
        for (int target = 1; target < TYPES.length; target++) {
            if (TYPES[target] == type) {
                return target;
            }
        }
        return ANY;
    }

    /** Whether signatures for this target may use entry-point and section offsets. */
    public static boolean hasExecutableHeaders(int target) {
        return target == PE;
    }
}
