package com.postwarden.scan.internal.container.document;

import java.io.ByteArrayOutputStream;

/**
 * MS-OVBA 2.4.1 compression for building VBA projects in tests (nothing in Debian or POI writes them): chunks of
 * up to 4096 bytes, flag bytes, literal and copy tokens found by a greedy longest-match search.
 */
public final class OvbaCompression {
    private static final int CHUNK = 4096;

    private OvbaCompression() {
    }

    public static byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        for (int start = 0; start < data.length; start += CHUNK) {
            int end = Math.min(data.length, start + CHUNK);
            byte[] chunk = chunk(data, start, end);
            int header = (chunk.length - 1) & 0x0fff | 0x3000 | 0x8000;
            out.write(header & 0xff);
            out.write(header >> 8);
            out.write(chunk, 0, chunk.length);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(byte[] data, int start, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = start;
        while (pos < end) {
            int flagAt = out.size();
            out.write(0);
            int flags = 0;
            ByteArrayOutputStream tokens = new ByteArrayOutputStream();
            for (int bit = 0; bit < 8 && pos < end; bit++) {
                int difference = pos - start;
                int bitCount = Math.max(4, 32 - Integer.numberOfLeadingZeros(Math.max(1, difference - 1)));
                int maxLength = (0xffff >> bitCount) + 3;
                int bestLength = 0;
                int bestOffset = 0;
                for (int candidate = pos - 1; candidate >= start && pos - candidate <= 1 << bitCount; candidate--) {
                    int length = 0;
                    while (pos + length < end && length < maxLength && data[candidate + length] == data[pos + length]) {
                        length++;
                    }
                    if (length > bestLength) {
                        bestLength = length;
                        bestOffset = pos - candidate;
                    }
                }
                if (bestLength >= 3) {
                    int token = (bestOffset - 1) << (16 - bitCount) | (bestLength - 3);
                    tokens.write(token & 0xff);
                    tokens.write(token >> 8);
                    flags |= 1 << bit;
                    pos += bestLength;
                } else {
                    tokens.write(data[pos++]);
                }
            }
            byte[] written = out.toByteArray();
            written[flagAt] = (byte) flags;
            out.reset();
            out.write(written, 0, written.length);
            out.writeBytes(tokens.toByteArray());
        }
        return out.toByteArray();
    }
}
