package com.postwarden.scan.internal.container.text;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Decodes the data lines of a uuencoded block (POSIX {@code uuencode}): each line starts with a length character,
 * then groups of four characters carry three bytes; a zero-length line and {@code end} close the block. With
 * {@code base64} it decodes {@code uuencode -m} output instead: Base64 lines up to {@code ====}.
 * One line is decoded at a time. A line that is not uuencoded data (a mail signature after a block without its
 * {@code end}) ends the block; {@link #complete()} tells whether it ended properly.
 */
final class UuDecodingStream extends InputStream {
    /** Longer data lines than this are not uuencode; they end the block. */
    static final int MAX_LINE = 1024;

    private final ByteBuffer bytes;
    private final boolean base64;
    private final byte[] line = new byte[MAX_LINE];
    private int pos;
    private int linePos;
    private int lineLength;
    private boolean ended;
    private boolean complete;

    /** Decodes lines from {@code start}, the line after {@code begin}. */
    UuDecodingStream(ByteBuffer bytes, int start, boolean base64) {
        this.bytes = bytes;
        this.pos = start;
        this.base64 = base64;
    }

    /** Whether the block ended with its end marker (rather than damage or the end of the text). */
    boolean complete() {
        return complete;
    }

    /** Where the text after the block starts, once read to its end. */
    int position() {
        return pos;
    }

    @Override
    public int read() {
        while (linePos == lineLength) {
            if (ended || !nextLine()) {
                ended = true;
                return -1;
            }
        }
        return line[linePos++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        target[offset] = (byte) first;
        int n = Math.min(length - 1, lineLength - linePos);
        System.arraycopy(line, linePos, target, offset + 1, n);
        linePos += n;
        return n + 1;
    }

    private boolean nextLine() {
        if (pos >= bytes.limit()) {
            return false;
        }
        int end = Lines.end(bytes, pos);
        int start = pos;
        pos = Lines.next(bytes, end);
        linePos = 0;
        lineLength = 0;
        if (end - start > MAX_LINE) {
            pos = start;
            return false;
        }
        return base64 ? base64Line(start, end) : uuLine(start, end);
    }

    private boolean uuLine(int start, int end) {
        if (end == start) {
            return true; // a blank line inside a block: tolerated
        }
        int count = (bytes.get(start) - ' ') & 0x3f;
        if (count == 0) {
            if (Lines.startsWith(bytes, pos, "end", false)) {
                pos = Lines.next(bytes, Lines.end(bytes, pos));
            }
            complete = true;
            return false;
        }
        if (Lines.startsWith(bytes, start, "end", false) && end - start == 3) {
            complete = true;
            return false;
        }
        int needed = (count + 2) / 3 * 4;
        if (end - start - 1 < needed - 3 || bytes.get(start) < ' ' || bytes.get(start) > '`') {
            pos = start; // not a data line: the block ended without its end marker
            return false;
        }
        int at = start + 1;
        while (lineLength < count) {
            int a = six(at, end);
            int b = six(at + 1, end);
            int c = six(at + 2, end);
            int d = six(at + 3, end);
            at += 4;
            line[lineLength++] = (byte) (a << 2 | b >> 4);
            if (lineLength < count) {
                line[lineLength++] = (byte) (b << 4 | c >> 2);
            }
            if (lineLength < count) {
                line[lineLength++] = (byte) (c << 6 | d);
            }
        }
        return true;
    }

    private int six(int at, int end) {
        return at < end ? (bytes.get(at) - ' ') & 0x3f : 0;
    }

    private boolean base64Line(int start, int end) {
        if (Lines.startsWith(bytes, start, "====", false)) {
            complete = true;
            return false;
        }
        byte[] text = new byte[end - start];
        bytes.get(start, text);
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(text);
            System.arraycopy(decoded, 0, line, 0, decoded.length);
            lineLength = decoded.length;
            return true;
        } catch (IllegalArgumentException e) {
            pos = start;
            return false;
        }
    }
}
