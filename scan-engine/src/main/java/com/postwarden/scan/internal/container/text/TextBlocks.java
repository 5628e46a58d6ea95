package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.container.Entries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds encoded blocks (uuencode, BinHex, yEnc) that start late in a text: type detection reads only an object's
 * first bytes, so a block after them would go undecoded. Such a block is handed over again from its first line.
 */
final class TextBlocks {
    private static final String[][] MARKERS = {
        {"begin ", ".uu"}, {"begin-base64 ", ".uu"}, {"(This file must be converted with BinHex", ".hqx"},
        {"=ybegin ", ".yenc"}
    };

    private TextBlocks() {
    }

    /** Hands over {@code text} from the first block line at or after {@code from}; false if entries said stop. */
    static boolean handOverLateBlocks(byte[] text, int from, String name, Entries entries) throws IOException {
        int lineStart = 0;
        while (lineStart < text.length) {
            int end = lineStart;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            if (lineStart >= from) {
                for (String[] marker : MARKERS) {
                    if (startsWith(text, lineStart, marker[0])) {
                        return entries.add(name + marker[1],
                                new ByteArrayInputStream(text, lineStart, text.length - lineStart));
                    }
                }
            }
            lineStart = end + 1;
        }
        return true;
    }

    private static boolean startsWith(byte[] text, int at, String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
        if (at + bytes.length > text.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (text[at + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
