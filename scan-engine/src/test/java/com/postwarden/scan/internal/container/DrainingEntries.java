package com.postwarden.scan.internal.container;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads each entry up to a bound and forgets it, as the engine's size limits would: for damaged and fuzzed
 * input, whose size fields may claim gigabytes that a decoder would honestly produce.
 */
public final class DrainingEntries implements Entries {
    private static final int MAX_ENTRIES = 1_000;
    private static final long MAX_BYTES_PER_ENTRY = 1 << 20;

    private final byte[] buffer = new byte[8192];
    private int count;

    @Override
    public boolean add(String name, InputStream data) throws IOException {
        long total = 0;
        int n;
        while (total < MAX_BYTES_PER_ENTRY && (n = data.read(buffer)) != -1) {
            total += n;
        }
        return ++count < MAX_ENTRIES;
    }

    @Override
    public boolean encrypted(String name, String format) {
        return ++count < MAX_ENTRIES;
    }

    @Override
    public int remainingEntries() {
        return MAX_ENTRIES - count;
    }
}
