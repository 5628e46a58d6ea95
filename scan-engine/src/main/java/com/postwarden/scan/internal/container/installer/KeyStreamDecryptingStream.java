package com.postwarden.scan.internal.container.installer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** XORs a stream with an AutoIt key stream, byte by byte, as it is read. */
final class KeyStreamDecryptingStream extends FilterInputStream {
    private final AutoItKeyStream keys;

    KeyStreamDecryptingStream(InputStream in, AutoItKeyStream keys) {
        super(in);
        this.keys = keys;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        return b < 0 ? b : (b ^ keys.next()) & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = in.read(target, offset, length);
        for (int i = 0; i < n; i++) {
            target[offset + i] ^= (byte) keys.next();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping must advance the key stream too
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
