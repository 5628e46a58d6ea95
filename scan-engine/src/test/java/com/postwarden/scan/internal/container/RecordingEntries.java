package com.postwarden.scan.internal.container;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what an unpacker hands over, for tests of one unpacker without the engine. */
public final class RecordingEntries implements Entries {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final List<String> encrypted = new ArrayList<>();
    private final int maxEntries;

    public RecordingEntries() {
        this(10_000);
    }

    public RecordingEntries(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public boolean add(String name, InputStream data) throws IOException {
        entries.put(uniqueName(name), data.readAllBytes());
        return remainingEntries() > 0;
    }

    @Override
    public boolean encrypted(String name, String format) {
        encrypted.add(name + " (" + format + ")");
        return true;
    }

    @Override
    public int remainingEntries() {
        return maxEntries - entries.size();
    }

    /** Entry names in the order handed over, with their bytes; a repeated name gets a {@code #n} suffix. */
    public Map<String, byte[]> entries() {
        return entries;
    }

    /** Encrypted entries as {@code "name (format)"}. */
    public List<String> encrypted() {
        return encrypted;
    }

    private String uniqueName(String name) {
        String unique = name;
        for (int n = 2; entries.containsKey(unique); n++) {
            unique = name + "#" + n;
        }
        return unique;
    }
}
