package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.signature.SignatureOffset;
import java.nio.ByteBuffer;

/**
 * What signature offsets and target descriptions ask about the object under scan: its size, type and, read
 * on first need, its PE headers. Resolves an offset to the range of positions where a match may start. Reused
 * from object to object; not thread-safe.
 */
final class ObjectInfo {
    private static final SignatureOffset.Kind[] KINDS = SignatureOffset.Kind.values();

    private ByteBuffer bytes;
    private int size;
    private FileType type;
    private boolean executable;
    private PeHeader pe;
    private boolean peRead;

    /** Describes the next object; {@code executable} says whether its bytes are an executable's own. */
    void reset(ByteBuffer objectBytes, int objectSize, FileType objectType, boolean isExecutable) {
        this.bytes = objectBytes;
        this.size = objectSize;
        this.type = objectType;
        this.executable = isExecutable;
        this.pe = null;
        this.peRead = false;
    }

    int size() {
        return size;
    }

    FileType type() {
        return type;
    }

    /** The PE headers, or {@code null} when the object is no PE image. */
    PeHeader pe() {
        if (!peRead) {
            peRead = true;
            pe = executable && type == FileType.PE ? PeHeader.parse(bytes, size) : null;
        }
        return pe;
    }

    /**
     * Sets {@code range} to the first and last position where a match may start; returns {@code false} when the
     * offset cannot apply to this object (beyond its end, no entry point, no such section).
     */
    boolean resolve(int kind, long value, int section, long shift, long[] range) {
        long start;
        switch (KINDS[kind]) {
            case ANY:
                range[0] = 0;
                range[1] = Long.MAX_VALUE;
                return true;
            case ABSOLUTE:
                start = value;
                break;
            case END:
                start = size - value;
                break;
            case ENTRY_POINT: {
                PeHeader header = pe();
                if (header == null || header.entryPoint() < 0) {
                    return false;
                }
                start = header.entryPoint() + value;
                break;
            }
            case SECTION: {
                PeHeader header = pe();
                if (header == null || section >= header.sections()) {
                    return false;
                }
                start = header.sectionOffset(section) + value;
                break;
            }
            case LAST_SECTION: {
                PeHeader header = pe();
                if (header == null) {
                    return false;
                }
                start = header.sectionOffset(header.sections() - 1) + value;
                break;
            }
            default: {
                PeHeader header = pe();
                if (header == null || section >= header.sections()) {
                    return false;
                }
                range[0] = header.sectionOffset(section);
                range[1] = range[0] + header.sectionSize(section);
                return range[0] < size;
            }
        }
        if (start < 0 || start > size) {
            return false;
        }
        range[0] = start;
        range[1] = start + shift;
        return true;
    }
}
