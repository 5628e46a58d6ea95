package com.postwarden.scan.internal.container.cabinet;

/**
 * LZX's Intel E8 preprocessing, undone: an encoder that set the E8 flag replaced the relative target of each
 * x86 CALL (opcode 0xE8) by an absolute one, so that calls to one function compress alike. Only targets within
 * the stated file size were translated, and none in the last 10 bytes of a frame (libmspack's reading of the
 * specification).
 */
final class LzxCallTranslation {
    private static final int CALL = 0xe8;
    private static final int UNTRANSLATED_TAIL = 10;

    private LzxCallTranslation() {
    }

    /**
     * Translates {@code data[0..size)} back in place.
     *
     * @param position where the frame starts in the uncompressed stream
     * @param fileSize the translation size from the LZX header
     */
    static void undo(byte[] data, int size, int position, int fileSize) {
        int end = size - UNTRANSLATED_TAIL;
        int i = 0;
        while (i < end) {
            if ((data[i] & 0xff) != CALL) {
                i++;
                continue;
            }
            int current = position + i;
            int absolute = (data[i + 1] & 0xff) | (data[i + 2] & 0xff) << 8 | (data[i + 3] & 0xff) << 16
                    | (data[i + 4] & 0xff) << 24;
            if (absolute >= -current && absolute < fileSize) {
                int relative = absolute >= 0 ? absolute - current : absolute + fileSize;
                data[i + 1] = (byte) relative;
                data[i + 2] = (byte) (relative >>> 8);
                data[i + 3] = (byte) (relative >>> 16);
                data[i + 4] = (byte) (relative >>> 24);
            }
            i += 5;
        }
    }
}
