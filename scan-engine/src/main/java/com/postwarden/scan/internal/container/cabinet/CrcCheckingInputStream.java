package com.postwarden.scan.internal.container.cabinet;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/** Passes a stream through and, at its end, fails unless its CRC-32 is the expected one. */
final class CrcCheckingInputStream extends InputStream {
    private final InputStream source;
    private final int expected;
    private final String what;
    private final CRC32 crc = new CRC32();
    private boolean checked;

    CrcCheckingInputStream(InputStream source, int expected, String what) {
        this.source = source;
        this.expected = expected;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = source.read();
        if (b < 0) {
            check();
        } else {
            crc.update(b);
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = source.read(target, offset, length);
        if (n < 0) {
            check();
        } else {
            crc.update(target, offset, n);
        }
        return n;
    }

    private void check() throws IOException {
        if (!checked && (int) crc.getValue() != expected) {
            throw new IOException(what + " fails its CRC check");
        }
        checked = true;
    }
}
