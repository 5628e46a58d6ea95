package com.postwarden.scan.internal.signature;

/**
 * ClamAV's character classes for {@code (B)}, {@code (L)} and {@code (W)}. The boundary table follows
 * libclamav: 1 marks a byte that may precede a word, 2 one that may follow it, 3 both.
 */
public final class CharacterClasses {
    private static final byte[] BOUNDARY = new byte[256];

    static {
        BOUNDARY['\n'] = 2;
        BOUNDARY['\r'] = 2;
        BOUNDARY[' '] = 3;
        BOUNDARY['"'] = 2;
        BOUNDARY['\''] = 2;
        BOUNDARY['-'] = 3;
        BOUNDARY['.'] = 1;
        BOUNDARY['/'] = 3;
        BOUNDARY['<'] = 1;
        BOUNDARY['='] = 2;
        BOUNDARY['>'] = 2;
        BOUNDARY['@'] = 1;
        BOUNDARY['_'] = 3;
    }

    private CharacterClasses() {
    }

    /** Whether {@code b} is any boundary character (an inner {@code (B)}). */
    public static boolean isBoundary(int b) {
        return BOUNDARY[b & 0xff] != 0;
    }

    /** Whether {@code b} may stand right before a match starting with {@code (B)}. */
    public static boolean isLeftBoundary(int b) {
        int kind = BOUNDARY[b & 0xff];
        return kind == 1 || kind == 3;
    }

    /** Whether {@code b} may stand right after a match ending with {@code (B)}. */
    public static boolean isRightBoundary(int b) {
        return BOUNDARY[b & 0xff] >= 2;
    }

    public static boolean isAlphanumeric(int b) {
        int c = b & 0xff;
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    public static boolean isAsciiLetter(int b) {
        int c = b & 0xff;
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** ASCII lower case; other bytes unchanged. */
    public static int fold(int b) {
        int c = b & 0xff;
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** The bit set of every byte for which {@code test} holds (or fails, when {@code negate}). */
    public static long[] bitsOf(java.util.function.IntPredicate test, boolean negate) {
        long[] bits = new long[4];
        for (int b = 0; b < 256; b++) {
            if (test.test(b) != negate) {
                bits[b >>> 6] |= 1L << (b & 63);
            }
        }
        return bits;
    }
}
