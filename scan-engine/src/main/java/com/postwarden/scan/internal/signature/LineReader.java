package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a database file line by line as byte ranges of one reused buffer: no object per line, so a million
 * hash signatures parse without garbage. A line longer than {@link #MAX_LINE} bytes is reported as
 * {@link #tooLong()} and skipped. Not thread-safe.
 */
final class LineReader {
    /** Longest line kept; ClamAV's longest logical signatures stay far below. */
    static final int MAX_LINE = 4 << 20;
    private static final int INITIAL = 1 << 16;

    private final InputStream in;
    private byte[] buffer = new byte[INITIAL];
    private int filled;
    private int position;
    private boolean eof;
    private int start;
    private int end;
    private boolean tooLong;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; {@code false} at the end of the input. */
    boolean next() throws IOException {
        tooLong = false;
        int newline = indexOf((byte) '\n', position, filled);
        if (newline < 0) {
            return nextAfterRead();
        }
        setLine(position, newline);
        position = newline + 1;
        return true;
    }

    /**
     * {@link #next()} when the buffer holds no whole line: reads more until a line ends or the input does. Kept
     * out of {@code next()}, so compiled code of the hot path holds no branch for the end of the input, which
     * every file takes once (late, after the code was compiled) and which would make the code start over.
     */
    private boolean nextAfterRead() throws IOException {
        while (true) {
            if (eof) {
                if (position < filled) {
                    setLine(position, filled);
                    position = filled;
                    return true;
                }
                return false;
            }
            if (!fill()) {
                skipRestOfLine();
                return true;
            }
            int newline = indexOf((byte) '\n', position, filled);
            if (newline >= 0) {
                setLine(position, newline);
                position = newline + 1;
                return true;
            }
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean tooLong() {
        return tooLong;
    }

    boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whether the line is a comment: ClamAV skips lines that start with {@code #}. */
    boolean isComment() {
        return end > start && buffer[start] == '#';
    }

    String text() {
        return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }

    private void setLine(int from, int to) {
        start = from;
        end = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
    }

    /** Reads more input; {@code false} when the current line cannot grow any more. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, filled - position);
            filled -= position;
            position = 0;
        }
        if (filled == buffer.length) {
            if (buffer.length >= MAX_LINE) {
                return false;
            }
            buffer = Arrays.copyOf(buffer, Math.min(MAX_LINE, buffer.length * 2));
        }
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
        return true;
    }

    private void skipRestOfLine() throws IOException {
        tooLong = true;
        start = 0;
        end = 0;
        filled = 0;
        position = 0;
        while (true) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
                return;
            }
            int newline = indexOf((byte) '\n', 0, n);
            if (newline >= 0) {
                System.arraycopy(buffer, newline + 1, buffer, 0, n - newline - 1);
                filled = n - newline - 1;
                return;
            }
        }
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
