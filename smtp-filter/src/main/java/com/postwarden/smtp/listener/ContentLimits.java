package com.postwarden.smtp.listener;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Checks message content against the size, line-length and header-size limits as it streams past, and writes it
 * on while it is within them. Once a limit is passed nothing more is written, but the caller keeps feeding the
 * rest of the data so the session stays in step and the client gets a clear reply. A line ends at LF. Not
 * thread-safe; one per message.
 */
final class ContentLimits {

    /** Whether the message stayed within the limits, or which it passed first. */
    enum Outcome { COMPLETE, TOO_BIG, LINE_TOO_LONG, HEADER_TOO_BIG }

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final long maxSize;
    private final int maxLineLength;
    private final long maxHeaderSize;

    private Outcome outcome = Outcome.COMPLETE;
    private long written;
    private long lineLength;
    private long headerBytes;
    private boolean inHeader = true;
    private boolean lineOnlyCr;

    ContentLimits(long maxSize, int maxLineLength, long maxHeaderSize) {
        this.maxSize = maxSize;
        this.maxLineLength = maxLineLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    /** Accounts {@code b[from..to)} and writes it to {@code out} if every limit still holds. */
    void write(byte[] b, int from, int to, OutputStream out) throws IOException {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        int i = from;
        while (inHeader && i < to) {
            account(b[i++]);
        }
        long longest = maxLineLength + 1L; // +1: the CR of CRLF is not part of the line
        long line = lineLength;
        long longestSeen = 0;
        for (; i < to; i++) { // the body: only line lengths matter
            if (b[i] == LF) {
                longestSeen = Math.max(longestSeen, line);
                line = 0;
            } else {
                line++;
            }
        }
        lineLength = line;
        if (Math.max(longestSeen, line) > longest) {
            fail(Outcome.LINE_TOO_LONG);
        }
        written += len;
        if (written > maxSize) {
            fail(Outcome.TOO_BIG);
        }
        if (outcome == Outcome.COMPLETE) {
            out.write(b, from, len);
        }
    }

    Outcome outcome() {
        return outcome;
    }

    private void account(byte c) {
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
            return;
        }
        lineOnlyCr = lineLength == 0 && c == CR;
        lineLength++;
        if (lineLength > maxLineLength + 1L) { // +1: the CR of CRLF is not part of the line
            fail(Outcome.LINE_TOO_LONG);
        }
    }

    private void fail(Outcome reason) {
        if (outcome == Outcome.COMPLETE) {
            outcome = reason;
        }
    }
}
