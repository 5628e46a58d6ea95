package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.container.Entries;

/**
 * How many entry records of a container's directory are worth keeping in memory: one more than the engine
 * still takes, so handing over the last of them tells the engine its entry limit was reached. A hostile
 * directory listing millions of tiny records then costs parsing time, not memory.
 */
final class EntryCap {
    private EntryCap() {
    }

    static int recordsToKeep(Entries entries) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0L, entries.remainingEntries()) + 1L);
    }
}
