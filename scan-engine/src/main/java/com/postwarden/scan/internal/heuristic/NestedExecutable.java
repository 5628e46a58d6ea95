package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.internal.filetype.FileType;
import java.util.List;
import java.util.Set;

/**
 * {@value #NAME}: a delivered executable ({@link ExecutableKind#delivered}) inside two or more levels of
 * multi-entry archives (zip, 7z, tar, cpio, arj, cab; compressed single streams such as the gzip of a
 * {@code .tar.gz} do not count as a level). Nesting hides the payload from gateways that open one level and
 * from users previewing the outer archive.
 */
final class NestedExecutable implements Heuristic {
    static final String NAME = "Heuristic.Archive.NestedExecutable";
    static final int MIN_LEVELS = 2;

    @Override
    public Set<String> names() {
        return Set.of(NAME);
    }

    @Override
    public List<String> examine(ScannedObject object) {
        int archives = 0;
        for (FileType container : object.containers()) {
            if (ArchiveEvents.isMultiEntryArchive(container)) {
                archives++;
            }
        }
        if (archives < MIN_LEVELS) {
            return List.of();
        }
        return ExecutableKind.delivered(object).isPresent() ? List.of(NAME) : List.of();
    }
}
