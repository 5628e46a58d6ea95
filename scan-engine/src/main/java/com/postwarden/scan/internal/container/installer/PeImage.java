package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;

/**
 * Where the parts of a PE image lie in a file: the end of its headers (the section table), the end of its
 * sections' raw data (what a carver cuts out) and the start of its overlay (what the Windows loader never maps,
 * where installers keep their payload). Reads only the header fields it needs, bounds-checked, and allocates
 * nothing in proportion to them. The match package has a PE reader for signature offsets; this one answers
 * other questions (embedded images at any offset, overlay alignment, damage), so it stands alone. Immutable.
 */
final class PeImage {
    /** The PE format's own limit on sections. */
    static final int MAX_SECTIONS = 96;
    /** How far behind its {@code MZ} an embedded image's {@code PE} header may lie to be believed. */
    static final long MAX_EMBEDDED_HEADER_OFFSET = 0x10000;
    private static final int PE32_OPTIONAL_MIN = 0x60;
    private static final int PE32_PLUS_OPTIONAL_MIN = 0x70;
    private static final int SECTION_HEADER = 40;
    private static final long MAX_FILE_ALIGNMENT = 0x10000;

    private final long headersEnd;
    private final long imageEnd;
    private final long overlayStart;
    private final int sectionBeyondEnd;

    private PeImage(long headersEnd, long imageEnd, long overlayStart, int sectionBeyondEnd) {
        this.headersEnd = headersEnd;
        this.imageEnd = imageEnd;
        this.overlayStart = overlayStart;
        this.sectionBeyondEnd = sectionBeyondEnd;
    }

    /**
     * Reads the image whose {@code MZ} header is at {@code base}, or returns {@code null} when no valid PE
     * header is there (a DOS, NE or LE program, or bytes that only look like {@code MZ}).
     *
     * @param maxHeaderOffset the largest {@code e_lfanew} believed
     */
    static PeImage parse(Content content, long base, long maxHeaderOffset) {
        SectionTable table = SectionTable.find(content, base, maxHeaderOffset);
        if (table == null) {
            return null;
        }
        long imageEnd = table.end();
        long overlayStart = table.end();
        int beyondEnd = -1;
        for (int i = 0; i < table.sections(); i++) {
            long header = table.offset() + (long) SECTION_HEADER * i;
            long rawSize = ContentBytes.u32(content, header + 16);
            long start = base + ContentBytes.u32(content, header + 20);
            if (rawSize == 0) {
                continue;
            }
            imageEnd = Math.max(imageEnd, start + rawSize);
            overlayStart = Math.max(overlayStart, start + alignUp(rawSize, table.fileAlignment()));
            if (start >= content.size() && beyondEnd < 0) {
                beyondEnd = i;
            }
        }
        return new PeImage(table.end(), imageEnd, Math.min(overlayStart, content.size()), beyondEnd);
    }

    /** Where the section table of a plausible PE header lies, with the file alignment its sections use. */
    private record SectionTable(long offset, int sections, long fileAlignment) {

        long end() {
            return offset + (long) SECTION_HEADER * sections;
        }

        /** The table of the image at {@code base}, or {@code null} without a plausible PE header. */
        static SectionTable find(Content content, long base, long maxHeaderOffset) {
            if (ContentBytes.u16(content, base) != 0x5a4d) {
                return null;
            }
            long lfanew = ContentBytes.u32(content, base + 0x3c);
            long pe = base + lfanew;
            if (lfanew < 4 || lfanew > maxHeaderOffset || ContentBytes.u32(content, pe) != 0x00004550) {
                return null;
            }
            int sections = ContentBytes.u16(content, pe + 6);
            int optionalSize = ContentBytes.u16(content, pe + 20);
            long optional = pe + 24;
            int magic = ContentBytes.u16(content, optional);
            boolean plausible = magic == 0x10b && optionalSize >= PE32_OPTIONAL_MIN
                    || magic == 0x20b && optionalSize >= PE32_PLUS_OPTIONAL_MIN;
            SectionTable table = new SectionTable(optional + optionalSize, sections,
                    alignment(ContentBytes.u32(content, optional + 36)));
            boolean fits = ContentBytes.has(content, table.offset(), table.end() - table.offset());
            return plausible && sections >= 1 && sections <= MAX_SECTIONS && fits ? table : null;
        }

        /** The file alignment when it is a power of two up to 64 KiB, else none (1). */
        private static long alignment(long fileAlignment) {
            return Long.bitCount(fileAlignment) == 1 && fileAlignment <= MAX_FILE_ALIGNMENT ? fileAlignment : 1;
        }
    }

    /** The offset just past the section table. */
    long headersEnd() {
        return headersEnd;
    }

    /**
     * The offset just past the headers and every section's raw data, as the header declares them: the end of
     * the image when it is carved out of a larger file. May lie beyond the end of the content.
     */
    long imageEnd() {
        return imageEnd;
    }

    /** Where the overlay starts: past every section's raw data rounded up to the file alignment, within the file. */
    long overlayStart() {
        return overlayStart;
    }

    /** The index of the first section whose raw data starts at or past the end of the file, or -1. */
    int sectionBeyondEnd() {
        return sectionBeyondEnd;
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
