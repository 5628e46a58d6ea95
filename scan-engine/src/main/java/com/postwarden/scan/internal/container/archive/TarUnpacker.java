package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Tar in all its dialects Commons Compress reads: v7, ustar, GNU (long names, sparse files) and pax. Only
 * entries with content are handed over; directories, links, devices and FIFOs are skipped. Vendor-specific
 * entry types are read as regular files, as POSIX asks of readers that do not know them.
 */
final class TarUnpacker implements Unpacker {
    private static final String FORMAT = "tar";
    private static final String NAMES = "UTF-8";

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(container.newStream(), NAMES)) {
            ArchiveStreamReader.read(tar, FORMAT, TarUnpacker::hasContent, entries);
        }
    }

    private static boolean hasContent(TarArchiveEntry entry) {
        return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
                && !entry.isBlockDevice() && !entry.isFIFO();
    }
}
