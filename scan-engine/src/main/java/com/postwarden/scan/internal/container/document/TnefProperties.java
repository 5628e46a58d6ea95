package com.postwarden.scan.internal.container.document;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads the two MAPI properties the TNEF unpacker needs from an {@code attAttachment} attribute (MS-OXTNEF
 * 2.1.3.5): {@code PR_ATTACH_LONG_FILENAME} (0x3707) and {@code PR_ATTACH_DATA_OBJ} (0x3701, an embedded message
 * or object, whose 16-byte interface id is skipped). Properties are walked within the attribute's bounds; a type
 * it cannot size ends the walk with what was found.
 */
final class TnefProperties {
    private static final int PR_ATTACH_DATA_OBJ = 0x3701;
    private static final int PR_ATTACH_LONG_FILENAME = 0x3707;
    private static final int PT_OBJECT = 0x000D;
    private static final int PT_STRING8 = 0x001E;
    private static final int PT_UNICODE = 0x001F;
    private static final int PT_BINARY = 0x0102;
    private static final int MULTI_VALUED = 0x1000;
    private static final int IID = 16;

    private final String longFileName;
    private final int dataStart;
    private final long dataLength;

    private TnefProperties(String longFileName, int dataStart, long dataLength) {
        this.longFileName = longFileName;
        this.dataStart = dataStart;
        this.dataLength = dataLength;
    }

    String longFileName() {
        return longFileName;
    }

    int dataStart() {
        return dataStart;
    }

    /** The length of the embedded object's bytes, or -1 when there is none. */
    long dataLength() {
        return dataLength;
    }

    static TnefProperties read(ByteBuffer bytes, int start, int end) {
        String longFileName = null;
        int dataStart = 0;
        long dataLength = -1;
        if (end - start < 4) {
            return new TnefProperties(null, 0, -1);
        }
        long count = TnefUnpacker.u32(bytes, start);
        int at = start + 4;
        for (long i = 0; i < count && at + 4 <= end; i++) {
            int type = u16(bytes, at);
            int id = u16(bytes, at + 2);
            at += 4;
            if (id >= 0x8000) {
                at = skipName(bytes, at, end);
                if (at < 0) {
                    break;
                }
            }
            int base = type & ~MULTI_VALUED;
            boolean variable = base == PT_STRING8 || base == PT_UNICODE || base == PT_BINARY || base == PT_OBJECT;
            long values = 1;
            if (variable || (type & MULTI_VALUED) != 0) {
                if (at + 4 > end) {
                    break;
                }
                values = TnefUnpacker.u32(bytes, at);
                at += 4;
            }
            for (long v = 0; v < values && at <= end; v++) {
                if (!variable) {
                    int fixed = fixedSize(base);
                    if (fixed < 0) {
                        return new TnefProperties(longFileName, dataStart, dataLength);
                    }
                    at += fixed;
                    continue;
                }
                if (at + 4 > end) {
                    break;
                }
                long length = TnefUnpacker.u32(bytes, at);
                at += 4;
                if (length > end - at) {
                    return new TnefProperties(longFileName, dataStart, dataLength);
                }
                if (v == 0 && id == PR_ATTACH_LONG_FILENAME && (base == PT_STRING8 || base == PT_UNICODE)) {
                    longFileName = base == PT_UNICODE
                            ? string(bytes, at, (int) Math.min(length, 2 * PackagedFile.MAX_NAME), StandardCharsets.UTF_16LE)
                            : string8(bytes, at, (int) Math.min(length, PackagedFile.MAX_NAME));
                } else if (v == 0 && id == PR_ATTACH_DATA_OBJ) {
                    int skip = base == PT_OBJECT && length >= IID ? IID : 0;
                    dataStart = at + skip;
                    dataLength = length - skip;
                }
                at += (int) ((length + 3) & ~3L);
            }
        }
        return new TnefProperties(longFileName, dataStart, dataLength);
    }

    private static int skipName(ByteBuffer bytes, int at, int end) {
        int i = at + IID;
        if (i + 4 > end) {
            return -1;
        }
        long kind = TnefUnpacker.u32(bytes, i);
        i += 4;
        if (i + 4 > end) {
            return -1;
        }
        if (kind == 0) {
            return i + 4;
        }
        long length = TnefUnpacker.u32(bytes, i);
        i += 4;
        return length > end - i ? -1 : i + (int) ((length + 3) & ~3L);
    }

    /** Sizes of fixed-length property values (MS-OXCDATA 2.11.1), padded to 4 bytes in TNEF. */
    private static int fixedSize(int type) {
        switch (type) {
            case 0x0002: // PT_SHORT
            case 0x0003: // PT_LONG
            case 0x0004: // PT_FLOAT
            case 0x000A: // PT_ERROR
            case 0x000B: // PT_BOOLEAN
                return 4;
            case 0x0005: // PT_DOUBLE
            case 0x0006: // PT_CURRENCY
            case 0x0007: // PT_APPTIME
            case 0x0014: // PT_I8
            case 0x0040: // PT_SYSTIME
                return 8;
            case 0x0048: // PT_CLSID
                return 16;
            default:
                return -1;
        }
    }

    static String string8(ByteBuffer bytes, int start, int length) {
        return string(bytes, start, length, Charset.forName("windows-1252"));
    }

    private static String string(ByteBuffer bytes, int start, int length, Charset charset) {
        byte[] text = new byte[Math.max(0, length)];
        bytes.get(start, text);
        String value = new String(text, charset);
        int nul = value.indexOf('\0');
        return nul >= 0 ? value.substring(0, nul) : value;
    }

    private static int u16(ByteBuffer bytes, int at) {
        return (bytes.get(at) & 0xff) | (bytes.get(at + 1) & 0xff) << 8;
    }
}
