package com.postwarden.smtp.listener;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads the message data of one SMTP DATA command (RFC 5321 section 4.5.2) from the client stream: removes
 * dot-stuffing, stops at the lone-dot line, and passes every other byte through unchanged. A line ends at LF
 * whether or not CR precedes it, as in Postfix, so stuffing is undone exactly as upstream MTAs apply it.
 *
 * <p>Limits are checked on the stream: once one is passed nothing more is written, but the data is still read
 * to its end so the session stays in step and the client gets a clear reply. Not thread-safe; one per DATA.
 */
final class DataReader {

    /** How reading ended. */
    enum Outcome { COMPLETE, TOO_BIG, LINE_TOO_LONG, HEADER_TOO_BIG }

    private enum State { LINE_START, DOT_AT_LINE_START, DOT_CR, IN_LINE }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DOT = '.';

    private final long maxSize;
    private final int maxLineLength;
    private final long maxHeaderSize;

    private State state = State.LINE_START;
    private Outcome outcome = Outcome.COMPLETE;
    private long written;
    private long lineLength;
    private long headerBytes;
    private boolean inHeader = true;
    private boolean lineOnlyCr;

    DataReader(long maxSize, int maxLineLength, long maxHeaderSize) {
        this.maxSize = maxSize;
        this.maxLineLength = maxLineLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    /**
     * Copies the data to {@code out} and leaves {@code in} positioned just after the terminating line, so that
     * pipelined commands that follow are not consumed. {@code in} must support mark/reset.
     * Throws {@link EOFException} if the client goes away before the end.
     */
    Outcome copy(InputStream in, OutputStream out) throws IOException {
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
                return outcome;
            }
        }
    }

    /** Handles one chunk; returns the count of bytes up to and including the terminating line, or -1. */
    private int process(byte[] b, int n, OutputStream out) throws IOException {
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            switch (state) {
                case LINE_START -> {
                    if (c == DOT) {
                        emit(b, runStart, i, out);
                        runStart = i + 1; // held back until the next byte tells stuffing from the end
                        state = State.DOT_AT_LINE_START;
                    } else {
                        content(c);
                    }
                }
                case DOT_AT_LINE_START -> {
                    if (c == LF) {
                        return i + 1;
                    } else if (c == CR) {
                        runStart = i + 1;
                        state = State.DOT_CR;
                    } else {
                        content(c); // the dot was stuffing: dropped; this byte starts the line
                    }
                }
                case DOT_CR -> {
                    if (c == LF) {
                        return i + 1;
                    }
                    emit(new byte[] {CR}, 0, 1, out); // stuffing dot, then a CR that is content
                    content(CR);
                    runStart = i;
                    i--; // this byte is examined again as content
                }
                case IN_LINE -> content(c);
                default -> throw new IllegalStateException(state.name());
            }
        }
        emit(b, runStart, n, out);
        return -1;
    }

    /** Accounts one byte of message content against the limits and the line/header structure. */
    private void content(byte c) {
        if (inHeader) {
            headerBytes++;
            if (headerBytes > maxHeaderSize) {
                fail(Outcome.HEADER_TOO_BIG);
            }
        }
        if (c == LF) {
            if (inHeader && (lineLength == 0 || (lineLength == 1 && lineOnlyCr))) {
                inHeader = false; // the empty line that ends the header section
            }
            lineLength = 0;
            state = State.LINE_START;
            return;
        }
        lineOnlyCr = lineLength == 0 && c == CR;
        lineLength++;
        if (lineLength > maxLineLength + 1L) { // +1: the CR of CRLF is not part of the line
            fail(Outcome.LINE_TOO_LONG);
        }
        state = State.IN_LINE;
    }

    private void emit(byte[] b, int from, int to, OutputStream out) throws IOException {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        written += len;
        if (written > maxSize) {
            fail(Outcome.TOO_BIG);
        }
        if (outcome == Outcome.COMPLETE) {
            out.write(b, from, len);
        }
    }

    private void fail(Outcome reason) {
        if (outcome == Outcome.COMPLETE) {
            outcome = reason;
        }
    }
}
