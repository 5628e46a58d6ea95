package com.postwarden.smtp.relay;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA (RFC 5321 section 4.5.2): a '.' that starts a line is doubled, and
 * {@link #finish()} ends the data with {@code CRLF . CRLF}.
 *
 * <p>A line starts after every LF, bare or part of CRLF, as in Postfix: a next hop that also takes a bare LF as a
 * line end then removes exactly the dots we added, and content holding {@code LF . CRLF} cannot end the data early
 * (SMTP smuggling). Content is otherwise passed on unchanged, in runs, without per-byte writes.
 *
 * <p>{@link #close()} does not close the connection's stream. Not thread-safe.
 */
final class DotStuffingOutputStream extends FilterOutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private boolean atLineStart = true;
    private long written;
    private int last = -1;
    private int beforeLast = -1;

    DotStuffingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int runStart = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (atLineStart && b == '.') {
                out.write(bytes, runStart, i - runStart);
                out.write('.');
                runStart = i;
            }
            atLineStart = b == '\n';
        }
        out.write(bytes, runStart, end - runStart);
        remember(bytes, offset, length);
    }

    private void remember(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        written += length;
        beforeLast = length >= 2 ? bytes[offset + length - 2] : last;
        last = bytes[offset + length - 1];
    }

    /**
     * Ends the data: CRLF when the content did not end with one (so the terminator starts a line), then
     * {@code .CRLF}, and flushes.
     */
    void finish() throws IOException {
        if (written > 0 && !(beforeLast == '\r' && last == '\n')) {
            out.write(CRLF);
        }
        out.write(END_OF_DATA);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
