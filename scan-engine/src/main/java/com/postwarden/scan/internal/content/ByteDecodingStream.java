package com.postwarden.scan.internal.content;

import java.io.InputStream;

/**
 * Base of the small text decoders (yEnc, BinHex, RTF hex, uuencode) that produce one byte at a time from bytes
 * already in memory: a subclass implements {@link #read()}, and bulk reads are served from it. No I/O happens,
 * so nothing is thrown.
 */
public abstract class ByteDecodingStream extends InputStream {

    @Override
    public abstract int read();

    @Override
    public int read(byte[] target, int offset, int length) {
        int n = 0;
        while (n < length) {
            int c = read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            target[offset + n++] = (byte) c;
        }
        return n;
    }
}
