package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentChannel;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;

/**
 * 7z archives through Commons Compress, entries read in archive order so a solid block is decoded once.
 * Decoder and header memory is capped ({@link DecoderLimits}), and compressed headers are size-checked before
 * they are decoded ({@link SevenZipHeaderCheck}). AES-encrypted entries are reported by name; an archive whose
 * header itself is encrypted is reported once, as {@link #ENCRYPTED_HEADER}.
 */
final class SevenZipUnpacker implements Unpacker {
    static final String FORMAT = "7z";
    /** The name reported for an archive whose encrypted header hides its entries' names. */
    static final String ENCRYPTED_HEADER = "(encrypted 7z header)";

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        SevenZipHeaderCheck.check(container);
        SevenZFile archive;
        try {
            archive = SevenZFile.builder().setSeekableByteChannel(new ContentChannel(container))
                    .setMaxMemoryLimitKiB(DecoderLimits.MAX_MEMORY_KIB).get();
        } catch (PasswordRequiredException encryptedHeader) {
            entries.encrypted(ENCRYPTED_HEADER, FORMAT);
            return;
        } catch (IOException | RuntimeException e) {
            throw ArchiveDamage.damaged(FORMAT, e);
        }
        try (archive) {
            InputStream current = new CurrentEntryStream(archive);
            while (true) {
                SevenZArchiveEntry entry = ArchiveDamage.guard(FORMAT, archive::getNextEntry);
                if (entry == null) {
                    return;
                }
                if (entry.isDirectory() || entry.isAntiItem()) {
                    continue;
                }
                String name = entry.getName() != null ? entry.getName() : unnamed(entries.containerName());
                boolean goOn = isEncrypted(entry)
                        ? entries.encrypted(name, FORMAT)
                        : entries.add(name, GuardedInputStream.of(current, FORMAT, name));
                if (!goOn) {
                    return;
                }
            }
        }
    }

    private static boolean isEncrypted(SevenZArchiveEntry entry) {
        Iterable<? extends SevenZMethodConfiguration> methods = entry.getContentMethods();
        if (methods == null) {
            // an entry without data
            return false;
        }
        for (SevenZMethodConfiguration method : methods) {
            if (method.getMethod() == SevenZMethod.AES256SHA256) {
                return true;
            }
        }
        return false;
    }

    /** An entry stored without a name (as {@code 7z a -si} makes): the archive's name without {@code .7z}. */
    private static String unnamed(String containerName) {
        return EntryNames.withoutSuffix(containerName, name -> name.toLowerCase(Locale.ROOT).endsWith(".7z"),
                name -> name.substring(0, name.length() - 3));
    }

    /** The entry {@link SevenZFile} is positioned on, as a stream; closing it leaves the archive open. */
    private static final class CurrentEntryStream extends InputStream {
        private final SevenZFile archive;

        CurrentEntryStream(SevenZFile archive) {
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            return archive.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return archive.read(buffer, offset, length);
        }
    }
}
