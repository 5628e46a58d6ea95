package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.container.installer.EmbeddedObject.Kind;
import com.postwarden.scan.internal.content.Content;
import java.util.zip.CRC32;

/**
 * Recognises an embedded object at one offset by its magic number and a plausible header, the way ClamAV's
 * embedded-file detection does, and tells its extent. Formats whose header gives their size (PE, cabinet, 7z,
 * NSIS, AutoIt, InstallShield) are recognised anywhere; formats without one (zip, RAR, ARJ, OLE2) only in an
 * overlay, where self-extractors keep them, and reach to the end of the file. Each check is strict enough that
 * code and data of ordinary programs practically never pass it: a false find would be reported as a damaged
 * container.
 */
final class EmbeddedFormats {
    private static final byte[] CAB = {'M', 'S', 'C', 'F', 0, 0, 0, 0};
    private static final byte[] SEVEN_ZIP = {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] RAR4 = {'R', 'a', 'r', '!', 0x1a, 7, 0};
    private static final byte[] RAR5 = {'R', 'a', 'r', '!', 0x1a, 7, 1, 0};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
        (byte) 0xe1};
    private static final int CAB_HEADER = 36;
    private static final int SEVEN_ZIP_HEADER = 32;
    private static final int ZIP_LOCAL_HEADER = 30;
    private static final int MAX_ZIP_NAME = 1024;
    private static final int ZIP_RESERVED_FLAGS = 0xd780;
    private static final int ARJ_MIN_HEADER = 30;
    private static final int ARJ_MAX_HEADER = 2600;

    private EmbeddedFormats() {
    }

    /**
     * The object starting at {@code at}, or {@code null}. An NSIS header is recognised four bytes before the
     * signature byte that triggers the check, so {@code earliest} bounds how far back it may start.
     */
    static EmbeddedObject at(Content content, long at, boolean inOverlay, long earliest) {
        int b = ContentBytes.u8(content, at);
        switch (b) {
            case 'M':
                EmbeddedObject image = object(content, Kind.PE, at, peLength(content, at));
                return image != null ? image : object(content, Kind.CAB, at, cabLength(content, at));
            case '7':
                return object(content, Kind.SEVEN_ZIP, at, sevenZipLength(content, at));
            case 0xef:
                long header = at - NsisFirstHeader.SIGNATURE_OFFSET;
                return header >= earliest && NsisFirstHeader.isAt(content, header)
                        ? object(content, Kind.NSIS, header, NsisFirstHeader.declaredLength(content, header)) : null;
            case 0xa3:
                return AutoItArchive.isAt(content, at)
                        ? object(content, Kind.AUTOIT, at, AutoItArchive.length(content, at)) : null;
            case 'I':
                return InstallShieldMsiArchive.isAt(content, at)
                        ? object(content, Kind.INSTALLSHIELD_MSI, at, InstallShieldMsiArchive.length(content, at)) : null;
            default:
                return inOverlay ? overlayArchive(content, at, b) : null;
        }
    }

    private static EmbeddedObject overlayArchive(Content content, long at, int b) {
        boolean archive = b == 'P' && isZipLocalHeader(content, at)
                || b == 'R' && (ContentBytes.matches(content, at, RAR4) || ContentBytes.matches(content, at, RAR5))
                || b == 0x60 && isArjMainHeader(content, at)
                || b == 0xd0 && isOle2Header(content, at);
        if (!archive) {
            return null;
        }
        Kind kind = b == 'P' ? Kind.ZIP : b == 'R' ? Kind.RAR : b == 0x60 ? Kind.ARJ : Kind.OLE2;
        return new EmbeddedObject(kind, at, content.size() - at);
    }

    /** An embedded PE: headers and every section's raw data as declared, within the file. */
    static long peLength(Content content, long at) {
        PeImage image = PeImage.parse(content, at, PeImage.MAX_EMBEDDED_HEADER_OFFSET);
        return image == null ? -1 : image.imageEnd() - at;
    }

    /** A cabinet: reserved fields zero, version 1.3, at least one folder and file; its declared size. */
    static long cabLength(Content content, long at) {
        if (!ContentBytes.matches(content, at, CAB) || !ContentBytes.has(content, at, CAB_HEADER)) {
            return -1;
        }
        long size = ContentBytes.u32(content, at + 8);
        long filesOffset = ContentBytes.u32(content, at + 16);
        boolean plausible = ContentBytes.u32(content, at + 12) == 0 && ContentBytes.u32(content, at + 20) == 0
                && ContentBytes.u8(content, at + 24) == 3 && ContentBytes.u8(content, at + 25) == 1
                && ContentBytes.u16(content, at + 26) >= 1 && ContentBytes.u16(content, at + 28) >= 1
                && ContentBytes.u16(content, at + 30) <= 7 && filesOffset >= CAB_HEADER && filesOffset < size;
        return plausible ? size : -1;
    }

    /** A 7z archive: version 0.x, a start header whose CRC holds; signature header plus the declared rest. */
    static long sevenZipLength(Content content, long at) {
        if (!ContentBytes.matches(content, at, SEVEN_ZIP) || ContentBytes.u8(content, at + 6) != 0
                || !ContentBytes.has(content, at, SEVEN_ZIP_HEADER)) {
            return -1;
        }
        CRC32 crc = new CRC32();
        crc.update(ContentBytes.copy(content, at + 12, 20));
        long nextOffset = ContentBytes.u64(content, at + 12);
        long nextSize = ContentBytes.u64(content, at + 20);
        if (crc.getValue() != ContentBytes.u32(content, at + 8) || nextOffset < 0 || nextSize < 0
                || nextOffset > Integer.MAX_VALUE || nextSize > Integer.MAX_VALUE) {
            return -1;
        }
        return SEVEN_ZIP_HEADER + nextOffset + nextSize;
    }

    /**
     * A zip local file header: a version and flags zip tools write, a known method, a name of printable
     * characters, and (without a data descriptor) compressed data that fits in the file.
     */
    static boolean isZipLocalHeader(Content content, long at) {
        if (!ContentBytes.matches(content, at, ZIP) || !ContentBytes.has(content, at, ZIP_LOCAL_HEADER)) {
            return false;
        }
        int version = ContentBytes.u16(content, at + 4);
        int flags = ContentBytes.u16(content, at + 6);
        int method = ContentBytes.u16(content, at + 8);
        long compressed = ContentBytes.u32(content, at + 18);
        int nameLength = ContentBytes.u16(content, at + 26);
        int extraLength = ContentBytes.u16(content, at + 28);
        long data = at + ZIP_LOCAL_HEADER + nameLength + extraLength;
        boolean fits = (flags & 8) != 0 || compressed == 0xffffffffL || ContentBytes.has(content, data, compressed);
        return (version & 0xff) <= 63 && (version >> 8) <= 19 && (flags & ZIP_RESERVED_FLAGS) == 0
                && isZipMethod(method) && nameLength >= 1 && nameLength <= MAX_ZIP_NAME && fits
                && isPrintableName(content, at + ZIP_LOCAL_HEADER, nameLength);
    }

    private static boolean isZipMethod(int method) {
        return method <= 10 && method != 7 || method == 12 || method == 14 || method == 18 || method == 19
                || method >= 93 && method <= 99;
    }

    private static boolean isPrintableName(Content content, long at, int length) {
        if (!ContentBytes.has(content, at, length)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = ContentBytes.u8(content, at + i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** An ARJ main header: a sane size and a header CRC that holds. */
    static boolean isArjMainHeader(Content content, long at) {
        if (ContentBytes.u8(content, at) != 0x60 || ContentBytes.u8(content, at + 1) != 0xea) {
            return false;
        }
        int size = ContentBytes.u16(content, at + 2);
        if (size < ARJ_MIN_HEADER || size > ARJ_MAX_HEADER || !ContentBytes.has(content, at + 4, size + 4L)) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(ContentBytes.copy(content, at + 4, size));
        return crc.getValue() == ContentBytes.u32(content, at + 4 + size);
    }

    /** An OLE2 compound file header: version 3 or 4, little-endian byte order mark. */
    static boolean isOle2Header(Content content, long at) {
        int major = ContentBytes.u16(content, at + 0x1a);
        return ContentBytes.matches(content, at, OLE2) && (major == 3 || major == 4)
                && ContentBytes.u16(content, at + 0x1c) == 0xfffe;
    }

    /** The object of {@code length} bytes at {@code at}, cut at the end of the file; {@code null} if not positive. */
    private static EmbeddedObject object(Content content, Kind kind, long at, long length) {
        return length > 0 ? new EmbeddedObject(kind, at, Math.min(length, content.size() - at)) : null;
    }
}
