package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiled AutoIt v3 scripts (EA05 and EA06), as the PE unpacker carves them out of an AutoIt executable: hands
 * over each record decrypted and decompressed, the script itself (tokenized, as AutoIt stores it) and every file
 * it carries for {@code FileInstall}. Named by the file name stored with them, the script by its marker. Hand
 * written because no library reads the format; ClamAV's autoit.c describes it.
 */
public final class AutoItUnpacker implements Unpacker {
    private static final int MAX_NAME_CHARS = 1024;
    private static final int COMPRESSED_HEADER = 8;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        AutoItVersion version = AutoItArchive.versionAt(container, 0);
        if (version == null) {
            throw new IOException("no AutoIt script marker (AU3!EA05 or AU3!EA06) at the start");
        }
        long dataSeed = version.dataSeed() + (version == AutoItVersion.EA05 ? keySum(container) : 0);
        List<String> unreadable = new ArrayList<>();
        long position = AutoItArchive.FIRST_RECORD;
        AutoItRecord record;
        for (int index = 1; (record = AutoItArchive.record(container, position, version)) != null; index++) {
            if (record.end() > container.size()) {
                throw new IOException("AutoIt record " + index + " at offset " + position + " runs past the end of the"
                        + " script (" + container.size() + " bytes): truncated");
            }
            position = record.end();
            if (record.dataLength() == 0) {
                continue;
            }
            String name = name(container, record, version, index);
            InputStream decrypted = new KeyStreamDecryptingStream(
                    new ContentRangeStream(container, record.dataOffset(), record.dataLength()),
                    version.keyStream(dataSeed));
            InputStream data = record.compressed() ? decompressing(decrypted, version) : decrypted;
            if (data == null) {
                unreadable.add(name);
                continue;
            }
            try (data) {
                if (!entries.add(name, data)) {
                    return;
                }
            }
        }
        if (!unreadable.isEmpty()) {
            throw new IOException("AutoIt records without " + version.compressionMarker() + " compression header: "
                    + String.join(", ", unreadable));
        }
    }

    /** EA05 seeds its data key stream with the sum of the 16 bytes after the marker. */
    private static long keySum(Content container) {
        long sum = 0;
        for (int i = 0; i < AutoItArchive.KEY_BYTES; i++) {
            sum += Math.max(0, ContentBytes.u8(container, AutoItArchive.KEY_OFFSET + i));
        }
        return sum;
    }

    /** The decompressing stream after the {@code EA0x} + big-endian size header, or {@code null} without one. */
    private static InputStream decompressing(InputStream decrypted, AutoItVersion version)
            throws IOException {
        byte[] header = decrypted.readNBytes(COMPRESSED_HEADER);
        String marker = new String(header, 0, Math.min(4, header.length), StandardCharsets.ISO_8859_1);
        if (header.length < COMPRESSED_HEADER || !marker.equals(version.compressionMarker())) {
            return null;
        }
        long size = (header[4] & 0xffL) << 24 | (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | header[7] & 0xff;
        return new AutoItLzssStream(decrypted, size, version.matchOnSetBit());
    }

    /** The stored file name; for the script, its marker ({@code >>>AUTOIT SCRIPT<<<}). */
    private static String name(Content container, AutoItRecord record, AutoItVersion version, int index) {
        String tag = readable(container, record.tagOffset(), record.tagBytes(), version.tagSeed(), version);
        if (tag != null && tag.startsWith(">") && tag.contains("AUTOIT")) {
            return tag;
        }
        String name = readable(container, record.nameOffset(), record.nameBytes(), version.nameSeed(), version);
        return name == null || name.isBlank() ? "file-" + index : name;
    }

    private static String readable(Content container, long offset, int bytes, int seed, AutoItVersion version) {
        if (bytes / version.charBytes() > MAX_NAME_CHARS) {
            return null;
        }
        return AutoItArchive.decryptString(container, offset, bytes, seed, version).replace("\0", "");
    }
}
