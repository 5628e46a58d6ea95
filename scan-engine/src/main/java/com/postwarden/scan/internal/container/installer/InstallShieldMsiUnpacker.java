package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The files of an InstallShield MSI-based setup launcher's payload ({@link InstallShieldMsiArchive}), as the PE
 * unpacker carves it out: the MSI database, its cabinets and the launcher's own files, each de-obfuscated and
 * inflated (zlib) as it streams. Hand written because no library reads the format; ClamAV's ishield.c describes
 * it.
 */
public final class InstallShieldMsiUnpacker implements Unpacker {
    private static final int BUFFER = 8192;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        if (!InstallShieldMsiArchive.isAt(container, 0)) {
            throw new IOException("no InstallShield setup payload header at the start");
        }
        long count = InstallShieldMsiArchive.fileCount(container, 0);
        long position = InstallShieldMsiArchive.firstRecord(0);
        for (long i = 1; i <= count; i++) {
            if (!ContentBytes.has(container, position, InstallShieldMsiArchive.RECORD)) {
                throw new IOException("InstallShield file record " + i + " of " + count + " at offset " + position
                        + " is cut off: truncated");
            }
            byte[] name = storedName(container, position);
            long compressed = ContentBytes.u64(container, position + InstallShieldMsiArchive.COMPRESSED_SIZE);
            long data = position + InstallShieldMsiArchive.RECORD;
            if (name.length == 0 || compressed < 0) {
                throw new IOException("InstallShield file record " + i + " at offset " + position + " is damaged");
            }
            if (!ContentBytes.has(container, data, compressed)) {
                throw new IOException("InstallShield file " + i + " needs " + compressed + " bytes at offset " + data
                        + ", past the end (" + container.size() + " bytes): truncated");
            }
            try (InputStream file = inflating(container, data, compressed, name)) {
                if (!entries.add(new String(name, StandardCharsets.ISO_8859_1), file)) {
                    return;
                }
            }
            position = data + compressed;
        }
    }

    private static byte[] storedName(Content container, long record) {
        byte[] name = ContentBytes.cString(container, record, InstallShieldMsiArchive.NAME_FIELD);
        return name != null ? name : ContentBytes.copy(container, record, InstallShieldMsiArchive.NAME_FIELD - 1);
    }

    private static InputStream inflating(Content container, long data, long length, byte[] name) {
        InputStream decoded = new InstallShieldMsiDecodingStream(new ContentRangeStream(container, data, length), name);
        return new InflaterInputStream(decoded, new Inflater(), BUFFER) {
            @Override
            public void close() throws IOException {
                inf.end();
                super.close();
            }
        };
    }
}
