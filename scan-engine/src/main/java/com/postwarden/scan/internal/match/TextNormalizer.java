package com.postwarden.scan.internal.match;

import java.nio.ByteBuffer;

/**
 * The text normalization ClamAV applies before matching ASCII-text (target 7) signatures, from libclamav's
 * textnorm.c: upper case to lower case, each run of whitespace (tab, LF, VT, FF, CR, space) to one space,
 * control characters and bytes above 0x7f dropped. HTML (target 3) is normalized the same way here; libclamav
 * additionally strips comments, decodes entities and rewrites tags, which this engine does not do. Stateless.
 */
final class TextNormalizer {
    private static final byte COPY = 0;
    private static final byte SKIP = 1;
    private static final byte SPACE = 2;
    private static final byte LOWER = 3;
    private static final byte[] ACTION = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            if (b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r' || b == ' ') {
                ACTION[b] = SPACE;
            } else if (b < 0x20 || b > 0x7f) {
                ACTION[b] = SKIP;
            } else if (b >= 'A' && b <= 'Z') {
                ACTION[b] = LOWER;
            } else {
                ACTION[b] = COPY;
            }
        }
    }

    private TextNormalizer() {
    }

    /** Normalizes {@code source[0..size)} into {@code target} (at least {@code size} long); returns the length. */
    static int normalize(ByteBuffer source, int size, byte[] target) {
        int out = 0;
        boolean spaceWritten = false;
        for (int i = 0; i < size; i++) {
            int b = source.get(i) & 0xff;
            switch (ACTION[b]) {
                case SKIP:
                    break;
                case SPACE:
                    if (!spaceWritten) {
                        target[out++] = ' ';
                        spaceWritten = true;
                    }
                    break;
                case LOWER:
                    target[out++] = (byte) (b + 32);
                    spaceWritten = false;
                    break;
                default:
                    target[out++] = (byte) b;
                    spaceWritten = false;
            }
        }
        return out;
    }
}
