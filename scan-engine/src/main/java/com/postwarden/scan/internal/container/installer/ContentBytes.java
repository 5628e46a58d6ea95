package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian fields and magic numbers read from a {@link Content} at positions that may lie anywhere, even
 * outside it: callers ask {@link #has} first, or use the readers that answer -1 past the end, so a header field
 * pointing out of the file never throws an unchecked exception.
 */
final class ContentBytes {
    private ContentBytes() {
    }

    /** Whether {@code length} bytes from {@code position} lie inside the content. */
    static boolean has(Content content, long position, long length) {
        return position >= 0 && length >= 0 && position <= content.size() - length;
    }

    /** The unsigned byte at {@code position}, or -1 outside the content. */
    static int u8(Content content, long position) {
        return has(content, position, 1) ? content.byteAt((int) position) & 0xff : -1;
    }

    /** The unsigned 16-bit value at {@code position}, or -1 when it does not fit. */
    static int u16(Content content, long position) {
        if (!has(content, position, 2)) {
            return -1;
        }
        int at = (int) position;
        return content.byteAt(at) & 0xff | (content.byteAt(at + 1) & 0xff) << 8;
    }

    /** The unsigned 32-bit value at {@code position}, or -1 when it does not fit. */
    static long u32(Content content, long position) {
        if (!has(content, position, 4)) {
            return -1;
        }
        int at = (int) position;
        return content.byteAt(at) & 0xffL | (content.byteAt(at + 1) & 0xffL) << 8
                | (content.byteAt(at + 2) & 0xffL) << 16 | (content.byteAt(at + 3) & 0xffL) << 24;
    }

    /** The 64-bit value at {@code position} when it fits and is not negative, else -1. */
    static long u64(Content content, long position) {
        long low = u32(content, position);
        long high = u32(content, position + 4);
        if (low < 0 || high < 0 || high > Integer.MAX_VALUE) {
            return -1;
        }
        return high << 32 | low;
    }

    /** Whether the bytes at {@code position} are {@code magic}. */
    static boolean matches(Content content, long position, byte[] magic) {
        if (!has(content, position, magic.length)) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content.byteAt((int) position + i) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII bytes of {@code text}, for magic numbers. */
    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A copy of {@code length} bytes from {@code position}; the caller bounds {@code length}. */
    static byte[] copy(Content content, long position, int length) {
        byte[] bytes = new byte[length];
        if (has(content, position, length)) {
            content.read((int) position, bytes, 0, length);
        }
        return bytes;
    }

    /**
     * The NUL-terminated byte string at {@code position} of at most {@code max} bytes, or {@code null} when no
     * NUL ends it within {@code max} bytes or the content.
     */
    static byte[] cString(Content content, long position, int max) {
        for (int i = 0; i < max; i++) {
            int b = u8(content, position + i);
            if (b < 0) {
                return null;
            }
            if (b == 0) {
                return copy(content, position, i);
            }
        }
        return null;
    }
}
