package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import java.io.IOException;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;

/**
 * Walks a sequential archive (tar, cpio) entry by entry and hands each regular file over as a stream of the
 * archive itself, so an entry is never held whole. Reading stops at once when {@link Entries} says so.
 */
final class ArchiveStreamReader {

    private ArchiveStreamReader() {
    }

    /**
     * @param format the format's name for messages
     * @param isRegularFile which entries have content worth scanning (not directories, links, devices)
     */
    static <E extends ArchiveEntry> void read(ArchiveInputStream<E> archive, String format,
                                              Predicate<E> isRegularFile, Entries entries) throws IOException {
        while (true) {
            E entry = ArchiveDamage.guard(format, archive::getNextEntry);
            if (entry == null) {
                return;
            }
            if (isRegularFile.test(entry)) {
                String name = entry.getName();
                if (!entries.add(name, GuardedInputStream.of(archive, format, name))) {
                    return;
                }
            }
        }
    }
}
