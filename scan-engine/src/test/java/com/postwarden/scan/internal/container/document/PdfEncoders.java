package com.postwarden.scan.internal.container.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;

/** Encoders for PDF filters the tests need and no Debian tool writes on request (ISO 32000-1 7.4). */
final class PdfEncoders {
    private PdfEncoders() {
    }

    static byte[] flate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** PNG "Up" predictor rows of {@code columns} bytes, each prefixed with filter type 2. */
    static byte[] pngUp(byte[] data, int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] previous = new byte[columns];
        for (int start = 0; start < data.length; start += columns) {
            out.write(2);
            for (int i = 0; i < columns; i++) {
                byte value = start + i < data.length ? data[start + i] : 0;
                out.write(value - previous[i]);
                previous[i] = value;
            }
        }
        return out.toByteArray();
    }

    static byte[] asciiHex(byte[] data) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            hex.append(String.format("%02X", data[i] & 0xff)).append(i % 32 == 31 ? "\n" : "");
        }
        return hex.append('>').toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] ascii85(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length; i += 4) {
            int n = Math.min(4, data.length - i);
            long group = 0;
            for (int j = 0; j < 4; j++) {
                group = group << 8 | (j < n ? data[i + j] & 0xff : 0);
            }
            if (group == 0 && n == 4) {
                out.append('z');
                continue;
            }
            char[] chars = new char[5];
            for (int j = 4; j >= 0; j--) {
                chars[j] = (char) ('!' + group % 85);
                group /= 85;
            }
            out.append(chars, 0, n + 1);
        }
        return out.append("~>").toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] runLength(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int run = 1;
            while (i + run < data.length && data[i + run] == data[i] && run < 128) {
                run++;
            }
            if (run >= 2) {
                out.write(257 - run);
                out.write(data[i]);
                i += run;
            } else {
                int start = i;
                while (i < data.length && i - start < 128 && (i + 1 >= data.length || data[i + 1] != data[i])) {
                    i++;
                }
                if (i == start) {
                    i++;
                }
                out.write(i - start - 1);
                out.write(data, start, i - start);
            }
        }
        out.write(128);
        return out.toByteArray();
    }

    /** LZW with EarlyChange 1, for inputs small enough that the 4096-entry table never fills. */
    static byte[] lzw(byte[] data) {
        BitWriter out = new BitWriter();
        Map<Long, Integer> table = new HashMap<>();
        int next = 258;
        out.write(256, 9);
        int current = -1;
        boolean added = false;
        for (byte b : data) {
            int value = b & 0xff;
            if (current < 0) {
                current = value;
                continue;
            }
            Integer code = table.get((long) current << 8 | value);
            if (code != null) {
                current = code;
                continue;
            }
            out.write(current, width(next, added));
            table.put((long) current << 8 | value, next++);
            added = true;
            current = value;
        }
        if (current >= 0) {
            out.write(current, width(next, added));
            next++;
            added = true;
        }
        out.write(257, width(next, added));
        return out.bytes();
    }

    /** The width the decoder reads the next code with: its table lags the encoder's by one entry. */
    private static int width(int encoderNext, boolean added) {
        int decoderNext = added ? encoderNext - 1 : 258;
        return Math.min(12, Math.max(9, 32 - Integer.numberOfLeadingZeros(decoderNext + 1)));
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long bits;
        private int count;

        void write(int code, int width) {
            bits = bits << width | code;
            count += width;
            while (count >= 8) {
                out.write((int) (bits >>> count - 8));
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (bits << 8 - count));
            }
            return out.toByteArray();
        }
    }
}
