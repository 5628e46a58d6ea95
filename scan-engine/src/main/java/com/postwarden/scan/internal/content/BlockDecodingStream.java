package com.postwarden.scan.internal.content;

import java.io.IOException;
import java.io.InputStream;

/**
 * Base of the decoders that produce their output in blocks (LZSS, bzip2, inflated chunks, length-bounded
 * slices): a subclass implements the bulk {@link #read(byte[], int, int)}, and single-byte reads are served
 * from it.
 */
public abstract class BlockDecodingStream extends InputStream {
    private final byte[] one = new byte[1];

    @Override
    public abstract int read(byte[] target, int offset, int length) throws IOException;

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
}
