package com.postwarden.scan.internal.container.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * The data of one entry as handed to the engine: failures of the decoding library underneath become
 * {@link DamagedArchiveException}s naming the entry, never unchecked exceptions. Closing it leaves the
 * underlying stream open: the unpacker that owns it closes it.
 */
final class GuardedInputStream extends InputStream {
    private final InputStream in;
    private final String what;

    /** @param what the format and entry, as in {@code "zip entry 'a/b.exe'"} */
    GuardedInputStream(InputStream in, String what) {
        this.in = in;
        this.what = what;
    }

    static GuardedInputStream of(InputStream in, String format, String entryName) {
        return new GuardedInputStream(in, format + " entry '" + entryName + "'");
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (DamagedArchiveException | InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ArchiveDamage.damaged(what, e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (DamagedArchiveException | InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ArchiveDamage.damaged(what, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        return ArchiveDamage.guard(what, () -> in.skip(n));
    }

    @Override
    public int available() throws IOException {
        return ArchiveDamage.guard(what, in::available);
    }

    @Override
    public void close() {
        // the unpacker owns the underlying stream
    }
}
