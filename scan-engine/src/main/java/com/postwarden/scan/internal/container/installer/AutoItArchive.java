package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The layout of a compiled AutoIt v3 script as AutoIt appends it to its interpreter (or keeps it as a
 * resource): a 16-byte GUID, {@code AU3!EA05} or {@code AU3!EA06}, 16 bytes (EA05 derives a key from them),
 * then file records until one lacks the record magic, normally at the closing {@code AU3!EA0x} (without the
 * GUID). A record is the magic, the tag length and tag, the name length and name, a compression flag, the
 * compressed and uncompressed sizes and a checksum, 16 bytes of file times, then the data. Lengths are XORed
 * with constants.
 */
final class AutoItArchive {
    static final byte[] MAGIC = {(byte) 0xa3, 0x48, 0x4b, (byte) 0xbe, (byte) 0x98, 0x6c, 0x4a, (byte) 0xa9,
        (byte) 0x99, 0x4c, 0x53, 0x0a, (byte) 0x86, (byte) 0xd6, 0x48, 0x7d, 'A', 'U', '3', '!', 'E', 'A', '0'};
    /** Where the key bytes of EA05 start, after the marker. */
    static final int KEY_OFFSET = 24;
    static final int KEY_BYTES = 16;
    static final int FIRST_RECORD = KEY_OFFSET + KEY_BYTES;
    private static final int SIZES = 13;
    private static final int TIMES = 16;
    /** The marker without the GUID, which also closes the script. */
    private static final int MARKER_OFFSET = 16;

    private AutoItArchive() {
    }

    /** The version of the script starting at {@code at}, or {@code null} when none starts there. */
    static AutoItVersion versionAt(Content content, long at) {
        if (!ContentBytes.matches(content, at, MAGIC)) {
            return null;
        }
        int version = ContentBytes.u8(content, at + MAGIC.length);
        return version == '5' ? AutoItVersion.EA05 : version == '6' ? AutoItVersion.EA06 : null;
    }

    static boolean isAt(Content content, long at) {
        return versionAt(content, at) != null;
    }

    /** The extent of the script at {@code at}: its records and closing marker, cut at the end of the file. */
    static long length(Content content, long at) {
        AutoItVersion version = versionAt(content, at);
        long position = at + FIRST_RECORD;
        try {
            AutoItRecord record;
            while (position < content.size() && (record = record(content, position, version)) != null) {
                position = record.end();
            }
        } catch (IOException damaged) {
            return content.size() - at;
        }
        byte[] closing = Arrays.copyOfRange(MAGIC, MARKER_OFFSET, MAGIC.length + 1);
        closing[closing.length - 1] = (byte) ContentBytes.u8(content, at + MAGIC.length);
        if (ContentBytes.matches(content, position, closing)) {
            position += closing.length;
        }
        return Math.min(position, content.size()) - at;
    }

    /**
     * The record at {@code position}, or {@code null} where the records end (no record magic there). Its data
     * may run past the end of a truncated file; {@link AutoItRecord#end()} tells.
     *
     * @throws IOException when the record's header is cut off or holds a length AutoIt itself rejects (negative
     *                     as a signed 32-bit value)
     */
    static AutoItRecord record(Content content, long position, AutoItVersion version) throws IOException {
        if (ContentBytes.u32(content, position) != version.fileMagic()) {
            return null;
        }
        long tag = position + 8;
        long tagLength = length(content, position + 4, version.tagKey(), version.charBytes(), "tag", position);
        long name = tag + tagLength + 4;
        long nameLength = length(content, name - 4, version.nameKey(), version.charBytes(), "name", position);
        long sizes = name + nameLength;
        long dataLength = length(content, sizes + 1, version.sizeKey(), 1, "data", position);
        if (!ContentBytes.has(content, sizes, SIZES + TIMES)) {
            throw new IOException("AutoIt record at offset " + position + " is cut off in its sizes: truncated");
        }
        return new AutoItRecord(tag, (int) tagLength, name, (int) nameLength, ContentBytes.u8(content, sizes) == 1,
                sizes + SIZES + TIMES, dataLength);
    }

    private static long length(Content content, long field, int key, int unit, String what, long record)
            throws IOException {
        long raw = ContentBytes.u32(content, field);
        if (raw < 0) {
            throw new IOException("AutoIt record at offset " + record + " is cut off in its " + what
                    + " length: truncated");
        }
        long value = (raw ^ key) * unit;
        if (value > Integer.MAX_VALUE) {
            throw new IOException("AutoIt record at offset " + record + " has an implausible " + what + " length "
                    + (raw ^ key));
        }
        return value;
    }

    /** Decrypts a tag or name of {@code bytes} bytes at {@code position} with a key stream seeded as AutoIt does. */
    static String decryptString(Content content, long position, int bytes, int seedBase, AutoItVersion version) {
        byte[] text = ContentBytes.copy(content, position, bytes);
        AutoItKeyStream keys = version.keyStream(bytes / version.charBytes() + (long) seedBase);
        for (int i = 0; i < text.length; i++) {
            text[i] ^= (byte) keys.next();
        }
        return new String(text, version == AutoItVersion.EA06 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }
}
