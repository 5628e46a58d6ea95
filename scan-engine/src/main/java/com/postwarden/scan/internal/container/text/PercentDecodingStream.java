package com.postwarden.scan.internal.container.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** Decodes {@code %XX} escapes (RFC 3986 2.1); other bytes, and a {@code %} not followed by two hex digits, pass. */
final class PercentDecodingStream extends InputStream {
    private final PushbackInputStream in;

    PercentDecodingStream(InputStream in) {
        this.in = new PushbackInputStream(in, 2);
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c != '%') {
            return c;
        }
        int high = in.read();
        if (high < 0) {
            return c;
        }
        int low = in.read();
        if (low < 0 || Character.digit(high, 16) < 0 || Character.digit(low, 16) < 0) {
            if (low >= 0) {
                in.unread(low);
            }
            in.unread(high);
            return c;
        }
        return Character.digit(high, 16) << 4 | Character.digit(low, 16);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            b[off + n++] = (byte) c;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
