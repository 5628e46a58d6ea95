package com.postwarden.scan.internal.filetype;

import com.postwarden.scan.internal.content.Content;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Tells an object's {@link FileType} from its first bytes: binary magic first, then text formats. */
public final class FileTypes {
    private static final int SNIFF = 4096;
    private static final int TAR_BLOCK = 512;
    private static final int TAR_SIZE_FIELD = 124;
    private static final int TAR_CHECKSUM_FIELD = 148;
    private static final String[] MAIL_HEADERS = {
        "received:", "return-path:", "from:", "to:", "subject:", "date:", "message-id:", "mime-version:",
        "delivered-to:", "content-type:", "reply-to:", "x-", "sender:", "cc:", "dkim-signature:",
        "authentication-results:", "thread-", "in-reply-to:", "references:", "importance:", "errors-to:"
    };
    private static final String[] HTML_MARKERS = {"<html", "<!doctype html", "<head", "<body", "<script", "<iframe", "<meta ",
        "<a href=", "<img ", "<form ", "<object ", "<embed ", "<svg "};
    /** Header lines read before deciding; a message's first fields are within these. */
    private static final int MAIL_HEADER_LINES = 24;

    private FileTypes() {
    }

    public static FileType detect(Content content) {
        return detect(content.prefix(SNIFF), content.size());
    }

    /** Detects from the first bytes of an object of {@code size} bytes. */
    public static FileType detect(byte[] head, long size) {
        FileType binary = binaryMagic(head, size);
        return binary != null ? binary : textFormat(head);
    }

    private static FileType binaryMagic(byte[] b, long size) {
        if (startsWith(b, 0, 'M', 'Z') && isPe(b, size)) {
            return FileType.PE;
        }
        if (startsWith(b, 0, 0x7f, 'E', 'L', 'F')) {
            return FileType.ELF;
        }
        if (startsWith(b, 0, 0xca, 0xfe, 0xba, 0xbe)) {
            // Java classes and fat Mach-O binaries share the magic; a class file's major version is >= 45
            return u16be(b, 6) >= 45 ? FileType.JAVA_CLASS : FileType.MACH_O;
        }
        if (startsWith(b, 0, 0xfe, 0xed, 0xfa) && (b.length > 3 && (b[3] & 0xfe) == 0xce)
                || b.length > 3 && (b[0] & 0xfe) == 0xce && startsWith(b, 1, 0xfa, 0xed, 0xfe)) {
            return FileType.MACH_O;
        }
        if (startsWith(b, 0, 'P', 'K', 3, 4) || startsWith(b, 0, 'P', 'K', 5, 6) || startsWith(b, 0, 'P', 'K', 7, 8)) {
            return FileType.ZIP;
        }
        if (startsWith(b, 0, 0x1f, 0x8b)) {
            return FileType.GZIP;
        }
        if (startsWith(b, 0, 'B', 'Z', 'h') && b.length > 3 && b[3] >= '1' && b[3] <= '9') {
            return FileType.BZIP2;
        }
        if (startsWith(b, 0, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return FileType.XZ;
        }
        if (startsWith(b, 0, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return FileType.SEVEN_ZIP;
        }
        if (startsWith(b, 0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            return FileType.OLE2;
        }
        if (startsWith(b, 0, 'M', 'S', 'C', 'F', 0, 0, 0, 0)) {
            return FileType.CAB;
        }
        if (startsWith(b, 0, 'I', 'T', 'S', 'F')) {
            return FileType.CHM;
        }
        if (startsWith(b, 0, 'S', 'Z', 'D', 'D', 0x88, 0xf0, 0x27, 0x33)) {
            return FileType.SZDD;
        }
        if (startsWith(b, 0, 0x78, 0x9f, 0x3e, 0x22)) {
            return FileType.TNEF;
        }
        FileType installer = installerPayload(b);
        if (installer != null) {
            return installer;
        }
        if (startsWith(b, 0, 0x60, 0xea)) {
            return FileType.ARJ;
        }
        if (startsWith(b, 0, 0xc7, 0x71) || startsWith(b, 0, 0x71, 0xc7)
                || startsWith(b, 0, '0', '7', '0', '7', '0') && b.length > 5 && b[5] >= '1' && b[5] <= '7') {
            return FileType.CPIO;
        }
        if (startsWith(b, 257, 'u', 's', 't', 'a', 'r') || isV7TarHeader(b)) {
            return FileType.TAR;
        }
        if (isLzmaAlone(b)) {
            return FileType.LZMA;
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G') || startsWith(b, 0, 'G', 'I', 'F', '8')
                || startsWith(b, 0, 0xff, 0xd8, 0xff) || startsWith(b, 0, 'I', 'I', '*', 0)
                || startsWith(b, 0, 'M', 'M', 0, '*')) {
            return FileType.GRAPHICS;
        }
        if (startsWith(b, 0, '{', '\\', 'r', 't', 'f')) {
            return FileType.RTF;
        }
        if (indexOf(b, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0) {
            return FileType.PDF;
        }
        return null;
    }

    /**
     * The installer formats whose data an executable's unpacker carves out and hands over: NSIS data (its first
     * header's signature at offset 4), a compiled AutoIt script (its GUID and marker), an InstallShield MSI
     * launcher's payload (its name, a file count and zero fields), and old-format Symbian SIS files (the third
     * UID 0x10000419 with a known second UID), which arrive on their own.
     */
    private static FileType installerPayload(byte[] b) {
        if (startsWith(b, 4, 0xef, 0xbe, 0xad, 0xde, 'N', 'u', 'l', 'l', 's', 'o', 'f', 't', 'I', 'n', 's', 't')) {
            return FileType.NSIS;
        }
        if (startsWith(b, 0, 0xa3, 0x48, 0x4b, 0xbe, 0x98, 0x6c, 0x4a, 0xa9, 0x99, 0x4c, 0x53, 0x0a, 0x86, 0xd6, 0x48,
                0x7d, 'A', 'U', '3', '!', 'E', 'A', '0') && b.length > 23 && (b[23] == '5' || b[23] == '6')) {
            return FileType.AUTOIT;
        }
        if (startsWith(b, 0, 'I', 'n', 's', 't', 'a', 'l', 'l', 'S', 'h', 'i', 'e', 'l', 'd', 0) && b.length >= 46
                && u32le(b, 14) > 0 && isZero(b, 22, 46)) {
            return FileType.ISHIELD_MSI;
        }
        if (b.length >= 12 && u32le(b, 8) == 0x10000419L && (u32le(b, 4) == 0x10003a12L || u32le(b, 4) == 0x1000006dL)) {
            return FileType.SIS;
        }
        return null;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPe(byte[] b, long size) {
        if (b.length < 0x40) {
            return false;
        }
        long peOffset = u32le(b, 0x3c);
        if (peOffset + 4 > b.length) {
            // a DOS executable, or a PE header beyond the sniffed bytes: both run on Windows
            return peOffset + 4 <= size;
        }
        return startsWith(b, (int) peOffset, 'P', 'E', 0, 0) || startsWith(b, (int) peOffset, 'N', 'E')
                || startsWith(b, (int) peOffset, 'L', 'E');
    }

    /**
     * A tar header without the ustar magic (Unix v7 tar): told by its checksum, the sum of the header's 512 bytes
     * with the checksum field counted as spaces, stored in octal. Name, size and checksum fields must be well
     * formed too, so arbitrary binary data practically never passes.
     */
    private static boolean isV7TarHeader(byte[] b) {
        if (b.length < TAR_BLOCK || b[0] == 0 || octal(b, TAR_SIZE_FIELD, 12) < 0) {
            return false;
        }
        long stored = octal(b, TAR_CHECKSUM_FIELD, 8);
        if (stored <= 0) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < TAR_BLOCK; i++) {
            boolean checksumField = i >= TAR_CHECKSUM_FIELD && i < TAR_CHECKSUM_FIELD + 8;
            unsigned += checksumField ? ' ' : b[i] & 0xff;
            signed += checksumField ? ' ' : b[i];
        }
        // some old tars summed signed bytes
        return stored == unsigned || stored == signed;
    }

    /** An octal number field: optional leading spaces, digits, then NULs or spaces to the end; -1 if malformed. */
    private static long octal(byte[] b, int at, int length) {
        int i = at;
        int end = at + length;
        while (i < end && b[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '7') {
            value = value << 3 | (b[i] - '0');
            digits++;
            i++;
        }
        for (; i < end; i++) {
            if (b[i] != 0 && b[i] != ' ') {
                return -1;
            }
        }
        return digits == 0 ? -1 : value;
    }

    private static boolean isLzmaAlone(byte[] b) {
        // properties byte (lc/lp/pb, nearly always 0x5d), a power-of-two dictionary, then a size or -1
        if (b.length < 13 || (b[0] & 0xff) > 224) {
            return false;
        }
        long dictionary = u32le(b, 1);
        boolean powerOfTwo = dictionary >= 4096 && Long.bitCount(dictionary) == 1;
        boolean unknownSize = true;
        for (int i = 5; i < 13; i++) {
            unknownSize &= b[i] == (byte) 0xff;
        }
        long knownSize = u32le(b, 5) | (u32le(b, 9) << 32);
        return b[0] == 0x5d && powerOfTwo && (unknownSize || knownSize >= 0 && knownSize < (1L << 40));
    }

    private static FileType textFormat(byte[] b) {
        String head = new String(b, StandardCharsets.ISO_8859_1);
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("(this file must be converted with binhex")) {
            return FileType.BINHEX;
        }
        if (looksLikeMail(head, lower)) {
            return FileType.MAIL;
        }
        for (String marker : HTML_MARKERS) {
            if (lower.contains(marker)) {
                return FileType.HTML;
            }
        }
        if (lower.startsWith("=ybegin ") || lower.contains("\n=ybegin ")) {
            return FileType.YENC;
        }
        if (lower.startsWith("begin ") && isUuHeader(head, 0) || hasUuHeaderLine(head)) {
            return FileType.UUENCODE;
        }
        return isText(b) ? FileType.TEXT : FileType.BINARY;
    }

    /**
     * A message starts with header fields up to the first blank line: every line a field ({@code Name:}) or a
     * continuation, at least two of them names mail uses (or one plus {@code Content-Type}). Source code and
     * ordinary text fail the every-line rule at once.
     */
    private static boolean looksLikeMail(String head, String lower) {
        if (head.startsWith("From ") && lower.indexOf('\n') > 5 && isField(lower.substring(lower.indexOf('\n') + 1))) {
            return true;
        }
        int known = 0;
        int start = 0;
        boolean contentType = false;
        for (int line = 0; line < MAIL_HEADER_LINES && start < lower.length(); line++) {
            int end = lower.indexOf('\n', start);
            String text = lower.substring(start, end < 0 ? lower.length() : end);
            if (text.isBlank()) {
                break;
            }
            if (!text.startsWith(" ") && !text.startsWith("\t")) {
                if (!isField(text)) {
                    return false;
                }
                if (isMailHeader(text)) {
                    known++;
                    contentType |= text.startsWith("content-type:");
                }
            } else if (line == 0) {
                return false;
            }
            start = end < 0 ? lower.length() : end + 1;
        }
        return known >= 2 || known == 1 && (contentType || lower.contains("\ncontent-type:"));
    }

    /** {@code name:} with a field name of printable ASCII other than the colon (RFC 5322 section 3.6.8). */
    private static boolean isField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 76) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isMailHeader(String line) {
        for (String name : MAIL_HEADERS) {
            if (line.startsWith(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUuHeaderLine(String head) {
        int at = head.indexOf("\nbegin ");
        return at >= 0 && isUuHeader(head, at + 1);
    }

    private static boolean isUuHeader(String head, int at) {
        // "begin 644 name": three or four octal digits of mode
        int i = at + 6;
        int digits = 0;
        while (i < head.length() && head.charAt(i) >= '0' && head.charAt(i) <= '7') {
            i++;
            digits++;
        }
        return digits >= 3 && digits <= 4 && i < head.length() && head.charAt(i) == ' ';
    }

    private static boolean isText(byte[] b) {
        int control = 0;
        for (byte value : b) {
            int c = value & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) {
                control++;
            }
        }
        return control * 100 <= b.length;
    }

    private static boolean startsWith(byte[] b, int at, int... magic) {
        if (at + magic.length > b.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xff) != (magic[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int within) {
        int end = Math.min(b.length - needle.length, within);
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int u16be(byte[] b, int at) {
        return at + 2 <= b.length ? (b[at] & 0xff) << 8 | b[at + 1] & 0xff : 0;
    }

    private static long u32le(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
