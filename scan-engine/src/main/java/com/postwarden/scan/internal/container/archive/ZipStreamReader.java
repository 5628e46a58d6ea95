package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads a zip from its local file headers, front to back, for zips whose central directory is missing or
 * unreadable. Each entry streams straight from the archive. Stored entries with a data descriptor are read
 * too (the library then buffers such an entry, at most the size of the container). XZ entries are not read
 * this way: the streaming reader offers no memory cap for their decoder. An encrypted entry whose size only its
 * data descriptor gives (as {@code zip -e} writes them) cannot be skipped without decrypting it: it is reported,
 * and the reading then ends as damaged.
 */
final class ZipStreamReader {
    private static final String FORMAT = ZipUnpacker.FORMAT;

    private ZipStreamReader() {
    }

    /**
     * @param centralDirectoryFailure why the central directory could not be used, for the message when the
     *     local headers give nothing either; {@code null} when it was read but listed nothing
     */
    static void read(Content container, Entries entries, Exception centralDirectoryFailure) throws IOException {
        try (ZipArchiveInputStream zip = new WithoutZstd(container)) {
            UnreadableEntries unreadable = new UnreadableEntries(FORMAT);
            boolean any = false;
            while (true) {
                ZipArchiveEntry entry = nextEntry(zip, any, centralDirectoryFailure);
                if (entry == null) {
                    break;
                }
                any = true;
                if (!handOver(zip, entry, entries, unreadable)) {
                    return;
                }
            }
            if (!any) {
                throw ArchiveDamage.damaged(FORMAT, "no entries" + reason(centralDirectoryFailure));
            }
            unreadable.throwIfAny();
        }
    }

    /** Hands one entry over; false when the scan is over. */
    private static boolean handOver(ZipArchiveInputStream zip, ZipArchiveEntry entry, Entries entries,
                                    UnreadableEntries unreadable) throws IOException {
        if (entry.isDirectory()) {
            return true;
        }
        String name = entry.getName();
        int method = entry.getMethod();
        if (ZipMethods.isEncrypted(entry)) {
            return entries.encrypted(name, ZipUnpacker.ENCRYPTED_FORMAT);
        }
        if (!ZipMethods.isDecodedByLibrary(method)) {
            unreadable.add(name, "compression " + ZipMethods.name(method)
                    + (ZipMethods.isXz(method) ? " without a central directory" : ""));
            return true;
        }
        if (!zip.canReadEntryData(entry)) {
            unreadable.add(name, "size unknown without a central directory");
            return true;
        }
        return entries.add(name, GuardedInputStream.of(zip, FORMAT, name));
    }

    private static ZipArchiveEntry nextEntry(ZipArchiveInputStream zip, boolean any,
                                             Exception centralDirectoryFailure) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IOException | RuntimeException e) {
            String detail = ArchiveDamage.describe(e) + (any ? "" : reason(centralDirectoryFailure));
            throw ArchiveDamage.damaged(FORMAT, detail, e);
        }
    }

    /**
     * The library's streaming reader, kept from opening Zstandard entries: it would load a native decoder this
     * engine does not ship (a NoClassDefFoundError). Such entries are never read here anyway.
     */
    private static final class WithoutZstd extends ZipArchiveInputStream {
        WithoutZstd(Content container) {
            super(container.newStream(), StandardCharsets.UTF_8.name(), true, true, false);
        }

        @Override
        protected InputStream createZstdInputStream(InputStream in) {
            return ZipMethods.unsupportedDecoder();
        }
    }

    private static String reason(Exception centralDirectoryFailure) {
        if (centralDirectoryFailure == null) {
            return "";
        }
        return " (and no usable central directory: " + ArchiveDamage.describe(centralDirectoryFailure) + ")";
    }
}
