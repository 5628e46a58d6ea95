package com.postwarden.scan.internal.container.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the unchecked exceptions a library throws on damaged data while decoding (POI's
 * {@code RecordFormatException}, index errors on broken block chains) into {@link IOException}s, so that a damaged
 * entry reads as damaged instead of escaping as a bug.
 */
final class GuardedInputStream extends FilterInputStream {
    private final String what;

    GuardedInputStream(InputStream in, String what) {
        super(in);
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return super.available();
        } catch (RuntimeException e) {
            throw damaged(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private IOException damaged(RuntimeException e) {
        return new IOException("damaged " + what + ": " + e, e);
    }
}
