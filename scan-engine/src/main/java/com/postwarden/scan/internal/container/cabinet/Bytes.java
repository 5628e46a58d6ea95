package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.EOFException;
import java.io.IOException;

/** Little-endian numbers read from a {@link Content} at a position, failing cleanly past its end. */
final class Bytes {
    private Bytes() {
    }

    static int u8(Content content, long position, String what) throws IOException {
        require(content, position, 1, what);
        return content.byteAt((int) position) & 0xff;
    }

    static int u16(Content content, long position, String what) throws IOException {
        require(content, position, 2, what);
        int p = (int) position;
        return (content.byteAt(p) & 0xff) | (content.byteAt(p + 1) & 0xff) << 8;
    }

    static long u32(Content content, long position, String what) throws IOException {
        require(content, position, 4, what);
        int p = (int) position;
        return (content.byteAt(p) & 0xffL) | (content.byteAt(p + 1) & 0xffL) << 8
                | (content.byteAt(p + 2) & 0xffL) << 16 | (content.byteAt(p + 3) & 0xffL) << 24;
    }

    /** An unsigned 64-bit number; one above {@code Long.MAX_VALUE} fails as out of range. */
    static long u64(Content content, long position, String what) throws IOException {
        long low = u32(content, position, what);
        long high = u32(content, position + 4, what);
        if (high > Integer.MAX_VALUE) {
            throw new IOException(what + " is out of range");
        }
        return high << 32 | low;
    }

    static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
    }

    static long u32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xffL) | (bytes[offset + 1] & 0xffL) << 8 | (bytes[offset + 2] & 0xffL) << 16
                | (bytes[offset + 3] & 0xffL) << 24;
    }

    /** Fails unless {@code length} bytes from {@code position} lie inside the content. */
    static void require(Content content, long position, long length, String what) throws IOException {
        if (position < 0 || length < 0 || position > content.size() - length) {
            throw new EOFException(what + " lies beyond the end of the data");
        }
    }
}
