package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records what each entry's stream yields in chunks, keeping the bytes an entry gave before its stream failed,
 * as the engine scans them; every method call is logged so tests can tell whether reading went on.
 */
final class PartialEntries implements Entries {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final String containerName;
    private final int stopAfter;
    private String failed;

    /** @param stopAfter how many calls ({@code add} or {@code encrypted}) to answer "go on" before "stop" */
    PartialEntries(String containerName, int stopAfter) {
        this.containerName = containerName;
        this.stopAfter = stopAfter;
    }

    PartialEntries(String containerName) {
        this(containerName, Integer.MAX_VALUE);
    }

    @Override
    public boolean add(String name, InputStream data) throws IOException {
        calls.add("add " + name);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        try {
            int n;
            while ((n = data.read(chunk)) != -1) {
                read.write(chunk, 0, n);
            }
        } catch (IOException e) {
            failed = name;
            throw e;
        } finally {
            entries.put(name, read.toByteArray());
        }
        return calls.size() < stopAfter;
    }

    @Override
    public boolean encrypted(String name, String format) {
        calls.add("encrypted " + name);
        return calls.size() < stopAfter;
    }

    @Override
    public int remainingEntries() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String containerName() {
        return containerName;
    }

    /** Every entry handed over with the bytes read from it, whole or up to the failure. */
    Map<String, byte[]> entries() {
        return entries;
    }

    /** The entry whose stream failed, or null. */
    String failed() {
        return failed;
    }

    List<String> calls() {
        return calls;
    }
}
