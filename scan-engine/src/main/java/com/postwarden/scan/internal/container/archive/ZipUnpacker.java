package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentChannel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Zip and the formats built on it (OOXML, ODF, JAR): stored, deflate, deflate64, bzip2, implode, shrink and
 * XZ entries, zip64, data descriptors. The central directory is read with random access when it is there; a
 * zip without a readable one (truncated, as malware often sends them) is read from its local headers instead,
 * see {@link ZipStreamReader}. Encrypted entries (traditional PKWARE, AES, strong encryption) are reported by
 * name; entries in methods read nowhere here are skipped and reported as damage after the readable ones.
 */
final class ZipUnpacker implements Unpacker {
    static final String FORMAT = "zip";
    /** The format as it appears in the encrypted-entry heuristic's name. */
    static final String ENCRYPTED_FORMAT = "Zip";

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new ContentChannel(container))
                    .setZstdInputStreamFactory(in -> ZipMethods.unsupportedDecoder()).get();
        } catch (IOException | RuntimeException noCentralDirectory) {
            ZipStreamReader.read(container, entries, noCentralDirectory);
            return;
        }
        try (zip) {
            List<ZipArchiveEntry> listed = Collections.list(zip.getEntriesInPhysicalOrder());
            if (startsWithLocalHeader(container) && listed.stream().noneMatch(e -> e.getLocalHeaderOffset() == 0)) {
                // The directory found does not list the entry at the start: an empty directory behind entries it
                // hides, or a truncated zip whose last entry is a zip, whose directory the library took for ours.
                ZipStreamReader.read(container, entries, null);
                return;
            }
            readListed(zip, listed, entries);
        }
    }

    private static void readListed(ZipFile zip, List<ZipArchiveEntry> listed, Entries entries) throws IOException {
        UnreadableEntries unreadable = new UnreadableEntries(FORMAT);
        for (ZipArchiveEntry entry : listed) {
            if (entry.isDirectory()) {
                continue;
            }
            String name = entry.getName();
            int method = entry.getMethod();
            if (ZipMethods.isEncrypted(entry)) {
                if (!entries.encrypted(name, ENCRYPTED_FORMAT)) {
                    return;
                }
            } else if (!ZipMethods.isDecodedByLibrary(method) && !ZipMethods.isXz(method)) {
                unreadable.add(name, "compression " + ZipMethods.name(method));
            } else {
                try (InputStream data = ArchiveDamage.guard(FORMAT + " entry '" + name + "'", () -> open(zip, entry))) {
                    if (!entries.add(name, GuardedInputStream.of(data, FORMAT, name))) {
                        return;
                    }
                }
            }
        }
        unreadable.throwIfAny();
    }

    private static InputStream open(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        if (ZipMethods.isXz(entry.getMethod())) {
            return XZCompressorInputStream.builder().setInputStream(zip.getRawInputStream(entry))
                    .setMemoryLimitKiB(DecoderLimits.MAX_MEMORY_KIB).get();
        }
        return zip.getInputStream(entry);
    }

    private static boolean startsWithLocalHeader(Content container) {
        return container.size() >= 4 && container.byteAt(0) == 'P' && container.byteAt(1) == 'K'
                && container.byteAt(2) == 3 && container.byteAt(3) == 4;
    }
}
