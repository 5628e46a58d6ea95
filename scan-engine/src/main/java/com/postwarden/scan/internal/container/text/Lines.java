package com.postwarden.scan.internal.container.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Line-by-line reading of text in a content's buffer: LF, CRLF and lone CR line ends alike. */
final class Lines {
    private Lines() {
    }

    /** Where the line starting at {@code start} ends (its terminator excluded). */
    static int end(ByteBuffer bytes, int start) {
        int i = start;
        int size = bytes.limit();
        while (i < size) {
            byte b = bytes.get(i);
            if (b == '\n' || b == '\r') {
                return i;
            }
            i++;
        }
        return size;
    }

    /** Where the line after the one ending at {@code end} starts. */
    static int next(ByteBuffer bytes, int end) {
        int size = bytes.limit();
        if (end < size && bytes.get(end) == '\r') {
            end++;
        }
        if (end < size && bytes.get(end) == '\n') {
            end++;
        }
        return end;
    }

    /** Bytes {@code [start, end)} as Latin-1 text, at most {@code max} characters. */
    static String text(ByteBuffer bytes, int start, int end, int max) {
        byte[] text = new byte[Math.max(0, Math.min(end - start, max))];
        bytes.get(start, text);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Whether the text at {@code at} starts with {@code prefix}, ASCII case ignored. */
    static boolean startsWith(ByteBuffer bytes, int at, String prefix, boolean ignoreCase) {
        if (at + prefix.length() > bytes.limit()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            int c = bytes.get(at + i) & 0xff;
            int p = prefix.charAt(i);
            if (ignoreCase ? Character.toLowerCase(c) != Character.toLowerCase(p) : c != p) {
                return false;
            }
        }
        return true;
    }

    /** The start of the next line at or after {@code from} that begins with {@code prefix}, or -1. */
    static int findLineStart(ByteBuffer bytes, int from, String prefix, boolean ignoreCase) {
        int size = bytes.limit();
        for (int at = from; at < size; ) {
            if (startsWith(bytes, at, prefix, ignoreCase)) {
                return at;
            }
            at = next(bytes, end(bytes, at));
        }
        return -1;
    }
}
