package com.postwarden.scan.internal.container.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs an unpacker over bytes and keeps what came out and how it ended. */
record Unpacking(Map<String, byte[]> entries, RecordingEntries recording, IOException failure, long allocatedBytes) {

    static Unpacking of(Unpacker unpacker, byte[] container) {
        return of(unpacker, container, new RecordingEntries());
    }

    static Unpacking of(Unpacker unpacker, byte[] container, RecordingEntries recording) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        IOException failure = null;
        try {
            unpacker.unpack(Content.of(container), recording);
        } catch (IOException e) {
            failure = e;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return new Unpacking(recording.entries(), recording, failure, allocated);
    }

    /** Entry name to MD5, in order: compares big entries with readable failure messages. */
    static Map<String, String> digests(Map<String, byte[]> entries) {
        Map<String, String> digests = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> digests.put(name, SampleFiles.md5(bytes) + " (" + bytes.length + " bytes)"));
        return digests;
    }

    Unpacking assertComplete() {
        assertThat(failure).as("unpacking failure").isNull();
        return this;
    }

    /** Asserts the entries were handed over in this order with these bytes. */
    Unpacking assertEntries(Map<String, byte[]> expected) {
        assertThat(digests(entries)).containsExactlyEntriesOf(digests(expected));
        return this;
    }
}
