package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads each entry up to a cap and stops after a number of entries, as the engine's limits would: keeps fuzzing
 * fast on inputs that decode to a lot.
 */
final class CappedEntries implements Entries {
    private final int maxEntries;
    private final int maxBytesPerEntry;
    private final byte[] buffer = new byte[8192];
    private int calls;
    private long bytes;

    CappedEntries(int maxEntries, int maxBytesPerEntry) {
        this.maxEntries = maxEntries;
        this.maxBytesPerEntry = maxBytesPerEntry;
    }

    @Override
    public boolean add(String name, InputStream data) throws IOException {
        if (name == null) {
            throw new AssertionError("an entry without a name");
        }
        long read = 0;
        int n;
        while (read < maxBytesPerEntry
                && (n = data.read(buffer, 0, (int) Math.min(buffer.length, maxBytesPerEntry - read))) != -1) {
            read += n;
        }
        bytes += read;
        return ++calls < maxEntries;
    }

    @Override
    public boolean encrypted(String name, String format) {
        if (name == null) {
            throw new AssertionError("an encrypted entry without a name");
        }
        return ++calls < maxEntries;
    }

    @Override
    public int remainingEntries() {
        return maxEntries - calls;
    }

    @Override
    public String containerName() {
        return "fuzz.bin";
    }

    long bytes() {
        return bytes;
    }
}
