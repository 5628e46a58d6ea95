package com.postwarden.smtp.listener;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads the message data of one SMTP DATA command (RFC 5321 section 4.5.2) from the client stream: removes
 * dot-stuffing, stops at the lone-dot line, and passes every other byte through unchanged to the
 * {@link ContentLimits}. A line ends at LF whether or not CR precedes it, as in Postfix, so stuffing is undone
 * exactly as upstream MTAs apply it. Not thread-safe; one per DATA.
 */
final class DataReader {
    private enum State { LINE_START, DOT_AT_LINE_START, DOT_CR, IN_LINE }

    private static final byte[] CR_BYTE = {'\r'};
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DOT = '.';

    private final ContentLimits limits;
    private State state = State.LINE_START;

    DataReader(ContentLimits limits) {
        this.limits = limits;
    }

    DataReader(long maxSize, int maxLineLength, long maxHeaderSize) {
        this(new ContentLimits(maxSize, maxLineLength, maxHeaderSize));
    }

    /**
     * Copies the data to {@code out} and leaves {@code in} positioned just after the terminating line, so that
     * pipelined commands that follow are not consumed. {@code in} must support mark/reset.
     * Throws {@link EOFException} if the client goes away before the end.
     */
    ContentLimits.Outcome copy(InputStream in, OutputStream out) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the client stream must support mark/reset");
        }
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            in.mark(buffer.length);
            int n = in.read(buffer);
            if (n < 0) {
                throw new EOFException("connection closed during DATA");
            }
            int end = process(buffer, n, out);
            if (end >= 0) {
                in.reset();
                in.skipNBytes(end);
                return limits.outcome();
            }
        }
    }

    /** Handles one chunk; returns the count of bytes up to and including the terminating line, or -1. */
    private int process(byte[] b, int n, OutputStream out) throws IOException {
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            if (state == State.IN_LINE) { // most bytes: only the end of the line matters
                while (i < n && b[i] != LF) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                state = State.LINE_START;
                continue;
            }
            byte c = b[i];
            switch (state) {
                case LINE_START -> {
                    if (c == DOT) {
                        limits.write(b, runStart, i, out);
                        runStart = i + 1; // held back until the next byte tells stuffing from the end
                        state = State.DOT_AT_LINE_START;
                    } else {
                        state = c == LF ? State.LINE_START : State.IN_LINE;
                    }
                }
                case DOT_AT_LINE_START -> {
                    if (c == LF) {
                        return i + 1;
                    } else if (c == CR) {
                        runStart = i + 1;
                        state = State.DOT_CR;
                    } else {
                        state = State.IN_LINE; // the dot was stuffing: dropped; this byte starts the line
                    }
                }
                case DOT_CR -> {
                    if (c == LF) {
                        return i + 1;
                    }
                    limits.write(CR_BYTE, 0, 1, out); // stuffing dot, then a CR that is content
                    runStart = i;
                    state = State.IN_LINE;
                    i--; // this byte is examined again as content
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        limits.write(b, runStart, n, out);
        return -1;
    }
}
