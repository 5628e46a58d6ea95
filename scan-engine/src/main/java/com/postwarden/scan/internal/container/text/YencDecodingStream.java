package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.content.ByteDecodingStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Decodes the data lines of one yEnc part (yEnc 1.3): each byte is the character minus 42, {@code =} escapes a
 * critical character (minus 64 more), line breaks are dropped; the {@code =yend} line ends the part. Keeps the
 * CRC-32 of what it decoded for the {@code pcrc32}/{@code crc32} check.
 */
final class YencDecodingStream extends ByteDecodingStream {
    private final ByteBuffer bytes;
    private final CRC32 crc = new CRC32();
    private int pos;
    private boolean lineStart = true;
    private int yend = -1;
    private long decoded;

    YencDecodingStream(ByteBuffer bytes, int start) {
        this.bytes = bytes;
        this.pos = start;
    }

    /** Where the {@code =yend} line starts, or -1 when the text ended without one. */
    int yend() {
        return yend;
    }

    long decoded() {
        return decoded;
    }

    long crc() {
        return crc.getValue();
    }

    @Override
    public int read() {
        int size = bytes.limit();
        while (pos < size && yend < 0) {
            if (lineStart && Lines.startsWith(bytes, pos, "=yend", false)) {
                yend = pos;
                return -1;
            }
            int c = bytes.get(pos++) & 0xff;
            if (c == '\n' || c == '\r') {
                lineStart = true;
                continue;
            }
            lineStart = false;
            if (c == '=') {
                if (pos >= size) {
                    return -1;
                }
                c = (bytes.get(pos++) & 0xff) - 64;
            }
            int value = (c - 42) & 0xff;
            crc.update(value);
            decoded++;
            return value;
        }
        return -1;
    }

}
