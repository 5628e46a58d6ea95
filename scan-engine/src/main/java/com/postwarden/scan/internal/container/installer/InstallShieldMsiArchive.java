package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;

/**
 * The payload InstallShield's MSI-based setup launchers append to themselves: {@code InstallShield\0}, a
 * 32-byte header (file count, then zeros), then per file a 312-byte record (the name in a 260-byte field, the
 * compressed size at 0x10c) followed by the file's data, zlib-compressed and obfuscated with a key made of its
 * name (see {@link InstallShieldMsiUnpacker}).
 */
final class InstallShieldMsiArchive {
    static final byte[] MAGIC = ContentBytes.ascii("InstallShield\0");
    static final int HEADER = 0x20;
    static final int RECORD = 0x138;
    static final int NAME_FIELD = 0x104;
    static final int COMPRESSED_SIZE = 0x10c;

    private InstallShieldMsiArchive() {
    }

    /** Whether the magic, a file count and the header's zero fields are at {@code at}. */
    static boolean isAt(Content content, long at) {
        long header = at + MAGIC.length;
        if (!ContentBytes.matches(content, at, MAGIC) || !ContentBytes.has(content, header, HEADER)
                || ContentBytes.u32(content, header) <= 0) {
            return false;
        }
        for (int i = 8; i < HEADER; i += 4) {
            if (ContentBytes.u32(content, header + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The offset of the first file record of the archive at {@code at}. */
    static long firstRecord(long at) {
        return at + MAGIC.length + HEADER;
    }

    /** How many files the header at {@code at} announces. */
    static long fileCount(Content content, long at) {
        return ContentBytes.u32(content, at + MAGIC.length);
    }

    /** The extent of the archive at {@code at}: its records and data as declared, cut at the end of the file. */
    static long length(Content content, long at) {
        long position = firstRecord(at);
        long count = fileCount(content, at);
        for (long i = 0; i < count && ContentBytes.has(content, position, RECORD); i++) {
            long compressed = ContentBytes.u64(content, position + COMPRESSED_SIZE);
            if (compressed < 0) {
                break;
            }
            position += RECORD + compressed;
        }
        return Math.min(position, content.size()) - at;
    }
}
