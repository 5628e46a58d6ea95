package com.postwarden.scan.internal.container.text;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** yEnc 1.3 encoding for tests: no Debian package writes yEnc. Returns Latin-1 text. */
final class YencEncoder {
    private YencEncoder() {
    }

    static String single(String name, byte[] data, int lineLength) {
        return "=ybegin line=" + lineLength + " size=" + data.length + " name=" + name + "\r\n"
                + lines(data, 0, data.length, lineLength)
                + "=yend size=" + data.length + " crc32=" + crc(data, 0, data.length) + "\r\n";
    }

    static List<String> multi(String name, byte[] data, int partSize, int lineLength) {
        List<String> parts = new ArrayList<>();
        int total = (data.length + partSize - 1) / partSize;
        for (int part = 1; part <= total; part++) {
            int begin = (part - 1) * partSize;
            int end = Math.min(data.length, begin + partSize);
            parts.add("=ybegin part=" + part + " total=" + total + " line=" + lineLength + " size=" + data.length
                    + " name=" + name + "\r\n=ypart begin=" + (begin + 1) + " end=" + end + "\r\n"
                    + lines(data, begin, end, lineLength)
                    + "=yend size=" + (end - begin) + " part=" + part + " pcrc32=" + crc(data, begin, end)
                    + " crc32=" + crc(data, 0, data.length) + "\r\n");
        }
        return parts;
    }

    private static String lines(byte[] data, int begin, int end, int lineLength) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = begin; i < end; i++) {
            int c = (data[i] + 42) & 0xff;
            if (c == 0 || c == '\n' || c == '\r' || c == '=' || column == 0 && (c == '.' || c == ' ')) {
                out.append('=');
                c = (c + 64) & 0xff;
                column++;
            }
            out.append((char) c);
            if (++column >= lineLength) {
                out.append("\r\n");
                column = 0;
            }
        }
        if (column > 0) {
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String crc(byte[] data, int begin, int end) {
        CRC32 crc = new CRC32();
        crc.update(data, begin, end - begin);
        return String.format("%08x", crc.getValue());
    }
}
