package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.RecordingEntries;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** {@link RecordingEntries} for a container with a known name. */
final class NamedEntries implements Entries {
    private final RecordingEntries recording;
    private final String containerName;

    NamedEntries(String containerName) {
        this(containerName, new RecordingEntries());
    }

    NamedEntries(String containerName, RecordingEntries recording) {
        this.containerName = containerName;
        this.recording = recording;
    }

    @Override
    public boolean add(String name, InputStream data) throws IOException {
        return recording.add(name, data);
    }

    @Override
    public boolean encrypted(String name, String format) {
        return recording.encrypted(name, format);
    }

    @Override
    public int remainingEntries() {
        return recording.remainingEntries();
    }

    @Override
    public String containerName() {
        return containerName;
    }

    Map<String, byte[]> entries() {
        return recording.entries();
    }

    List<String> encrypted() {
        return recording.encrypted();
    }
}
