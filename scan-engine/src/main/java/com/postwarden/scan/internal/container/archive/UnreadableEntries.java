package com.postwarden.scan.internal.container.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries skipped because no reader here decodes them, reported once the readable entries have been handed
 * over: the container is then damaged as far as the scan is concerned, never silently clean.
 */
final class UnreadableEntries {
    private static final int NAMED_IN_MESSAGE = 5;

    private final String format;
    private final List<String> skipped = new ArrayList<>();
    private int count;

    UnreadableEntries(String format) {
        this.format = format;
    }

    void add(String entryName, String reason) {
        count++;
        if (skipped.size() < NAMED_IN_MESSAGE) {
            skipped.add("'" + entryName + "' (" + reason + ")");
        }
    }

    /** Throws when any entry was skipped; the message names the first few and their reasons. */
    void throwIfAny() throws DamagedArchiveException {
        if (count == 0) {
            return;
        }
        String more = count > skipped.size() ? " and " + (count - skipped.size()) + " more" : "";
        throw ArchiveDamage.damaged(format, count + " unreadable "
                + (count == 1 ? "entry: " : "entries: ") + String.join(", ", skipped) + more);
    }
}
