package com.postwarden.scan.internal.signature;

/** Hex digit values by table, for parsing millions of digests without branches per character. */
final class HexDigits {
    private static final byte[] VALUES = new byte[256];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 10; i++) {
            VALUES['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            VALUES['a' + i] = (byte) (10 + i);
            VALUES['A' + i] = (byte) (10 + i);
        }
    }

    private HexDigits() {
    }

    /** The digit's value, or -1 when the byte is no hex digit. */
    static int value(byte b) {
        return VALUES[b & 0xff];
    }

    /**
     * Decodes {@code length} bytes from the {@code 2 * length} hex digits at {@code from} into {@code out};
     * false (with {@code out} partly written) when one is no hex digit.
     */
    static boolean decode(byte[] hex, int from, int length, byte[] out) {
        int bad = 0;
        for (int i = 0; i < length; i++) {
            int high = VALUES[hex[from + 2 * i] & 0xff];
            int low = VALUES[hex[from + 2 * i + 1] & 0xff];
            bad |= high | low;
            out[i] = (byte) (high << 4 | low);
        }
        return bad >= 0;
    }

    static boolean allHex(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (VALUES[bytes[i] & 0xff] < 0) {
                return false;
            }
        }
        return true;
    }
}
