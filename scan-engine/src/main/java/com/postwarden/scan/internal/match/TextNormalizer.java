package com.postwarden.scan.internal.match;

import java.nio.ByteBuffer;

/**
 * The text normalization ClamAV applies before matching ASCII-text (target 7) signatures, from libclamav's
 * textnorm.c: upper case to lower case, each run of whitespace (tab, LF, VT, FF, CR, space) to one space,
 * control characters and bytes above 0x7f dropped. HTML (target 3) is normalized the same way here; libclamav
 * additionally strips comments, decodes entities and rewrites tags, which this engine does not do. Stateless.
 */
final class TextNormalizer {
    /** The byte each input byte becomes: lower case, a space for any whitespace, -1 when dropped. */
    private static final short[] MAP = new short[256];

    static {
        for (int b = 0; b < 256; b++) {
            if (b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r' || b == ' ') {
                MAP[b] = ' ';
            } else if (b < 0x20 || b > 0x7f) {
                MAP[b] = -1;
            } else if (b >= 'A' && b <= 'Z') {
                MAP[b] = (short) (b + 32);
            } else {
                MAP[b] = (short) b;
            }
        }
    }

    private TextNormalizer() {
    }

    /**
     * Normalizes {@code source[0..size)} into {@code target} (at least {@code size} long), reading through
     * {@code chunk}; returns the length.
     */
    static int normalize(ByteBuffer source, int size, byte[] target, byte[] chunk) {
        int out = 0;
        boolean spaceWritten = false;
        for (int at = 0; at < size; at += chunk.length) {
            int length = Math.min(chunk.length, size - at);
            source.get(at, chunk, 0, length);
            int before = out;
            out = normalize(chunk, 0, length, target, out, spaceWritten);
            spaceWritten = out > before ? target[out - 1] == ' ' : spaceWritten;
        }
        return out;
    }

    /** Normalizes {@code source[from..from + size)} into {@code target}; returns the length. */
    static int normalize(byte[] source, int from, int size, byte[] target) {
        return normalize(source, from, size, target, 0, false);
    }

    /** The loop writes every kept byte and advances past it unless it is a space after a space: no branches. */
    private static int normalize(byte[] source, int from, int size, byte[] target, int start, boolean spaceBefore) {
        int out = start;
        int spaceWritten = spaceBefore ? 1 : 0;
        for (int i = from, end = from + size; i < end; i++) {
            int c = MAP[source[i] & 0xff];
            if (c < 0) {
                continue;
            }
            int space = c == ' ' ? 1 : 0;
            target[out] = (byte) c;
            out += 1 - (space & spaceWritten);
            spaceWritten = space;
        }
        return out;
    }
}
