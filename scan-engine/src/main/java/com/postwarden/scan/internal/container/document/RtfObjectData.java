package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.ByteDecodingStream;
import java.nio.ByteBuffer;

/**
 * The bytes of one RTF {@code \objdata} destination, decoded as Word reads it: hex digit pairs with anything else
 * at the group's own level ignored (white space and junk that malicious files scatter in the hex), control words
 * skipped, nested groups skipped whole, and {@code \binN} followed by N raw bytes taken as they are. Ends at the
 * brace that closes the group, or at the end of the content ({@link #truncated()}).
 */
final class RtfObjectData extends ByteDecodingStream {
    private final ByteBuffer bytes;
    private final int size;
    private int pos;
    private int depth;
    private int high = -1;
    private long binary;
    private boolean ended;
    private boolean truncated;

    /** Reads from {@code start}, just after the {@code \objdata} control word. */
    RtfObjectData(ByteBuffer bytes, int start) {
        this.bytes = bytes;
        this.size = bytes.limit();
        this.pos = start;
    }

    /** Where reading stopped: after the closing brace once the stream is read to its end. */
    int position() {
        return pos;
    }

    /** Whether the content ended before the group was closed. */
    boolean truncated() {
        return truncated;
    }

    @Override
    public int read() {
        while (!ended) {
            if (pos >= size) {
                ended = true;
                truncated = true;
                return -1;
            }
            if (binary > 0) {
                binary--;
                return bytes.get(pos++) & 0xff;
            }
            int c = bytes.get(pos++) & 0xff;
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth < 0) {
                    ended = true;
                    return -1;
                }
            } else if (c == '\\') {
                controlWord();
            } else if (depth == 0) {
                int digit = Character.digit(c, 16);
                if (digit >= 0) {
                    if (high < 0) {
                        high = digit;
                    } else {
                        int value = high << 4 | digit;
                        high = -1;
                        return value;
                    }
                }
            }
        }
        return -1;
    }

    private void controlWord() {
        if (pos >= size) {
            return;
        }
        int c = bytes.get(pos) & 0xff;
        if (!isLetter(c)) {
            pos += c == '\'' ? 3 : 1; // a control symbol; \'hh carries a character, not object data
            return;
        }
        int start = pos;
        while (pos < size && isLetter(bytes.get(pos) & 0xff) && pos - start < 32) {
            pos++;
        }
        boolean bin = pos - start == 3 && bytes.get(start) == 'b' && bytes.get(start + 1) == 'i'
                && bytes.get(start + 2) == 'n';
        long parameter = 0;
        boolean negative = pos < size && bytes.get(pos) == '-';
        if (negative) {
            pos++;
        }
        int digits = 0;
        while (pos < size && bytes.get(pos) >= '0' && bytes.get(pos) <= '9' && digits < 10) {
            parameter = parameter * 10 + bytes.get(pos++) - '0';
            digits++;
        }
        if (pos < size && bytes.get(pos) == ' ') {
            pos++;
        }
        if (bin && depth == 0 && !negative) {
            binary = parameter;
        }
    }

    private static boolean isLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
