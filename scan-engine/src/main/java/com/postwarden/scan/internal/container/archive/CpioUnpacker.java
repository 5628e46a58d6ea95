package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;

/**
 * Cpio in its four encodings: old binary (either byte order), old portable ASCII ({@code odc}), new ASCII
 * ({@code newc}) and new ASCII with checksums ({@code crc}, checked as the entry is read). Regular files only.
 */
final class CpioUnpacker implements Unpacker {
    private static final String FORMAT = "cpio";
    private static final String NAMES = "UTF-8";

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        try (CpioArchiveInputStream cpio = new CpioArchiveInputStream(container.newStream(), NAMES)) {
            ArchiveStreamReader.read(cpio, FORMAT, CpioArchiveEntry::isRegularFile, entries);
        }
    }
}
