package com.postwarden.scan.internal.match;

import java.nio.ByteBuffer;

/**
 * The few facts of a PE executable that signature offsets need: the entry point as a file offset and each
 * section's file offset and size. Computed as libclamav does: section file offsets rounded down and sizes up
 * to the file alignment (0x200 when sections are misaligned), sizes clipped to the file, an entry point before
 * the aligned headers end mapped one to one, otherwise through the last section whose raw data holds it.
 * Reads only header fields, never allocates in proportion to them (at most {@link #MAX_SECTIONS}). Immutable.
 */
final class PeHeader {
    /** The PE format's own limit on sections. */
    static final int MAX_SECTIONS = 96;

    private final long entryPoint;
    private final long[] raw;
    private final long[] rawSize;

    private PeHeader(long entryPoint, long[] raw, long[] rawSize) {
        this.entryPoint = entryPoint;
        this.raw = raw;
        this.rawSize = rawSize;
    }

    /** The entry point's file offset, or -1 when it lies outside the file's sections. */
    long entryPoint() {
        return entryPoint;
    }

    int sections() {
        return raw.length;
    }

    long sectionOffset(int section) {
        return raw[section];
    }

    long sectionSize(int section) {
        return rawSize[section];
    }

    /** Parses the headers, or returns {@code null} when {@code data} holds no PE image. */
    static PeHeader parse(ByteBuffer data, int size) {
        if (size < 0x40 || u16(data, 0) != 0x5a4d) {
            return null;
        }
        long pe = u32(data, 0x3c);
        if (pe + 24 > size || u32(data, (int) pe) != 0x00004550) {
            return null;
        }
        int at = (int) pe + 4;
        int sectionCount = u16(data, at + 2);
        int optionalSize = u16(data, at + 16);
        int optional = at + 20;
        if (sectionCount == 0 || sectionCount > MAX_SECTIONS || optional + 64 > size) {
            return null;
        }
        int magic = u16(data, optional);
        if (magic != 0x10b && magic != 0x20b) {
            return null;
        }
        long entryRva = u32(data, optional + 16);
        long sectionAlign = u32(data, optional + 32);
        long fileAlign = u32(data, optional + 36);
        long headersSize = u32(data, optional + 60);
        long table = (long) optional + optionalSize;
        if (table + 40L * sectionCount > size) {
            return null;
        }
        long[] rvas = new long[sectionCount];
        long[] raws = new long[sectionCount];
        long[] rawSizes = new long[sectionCount];
        for (int i = 0; i < sectionCount; i++) {
            int header = (int) (table + 40L * i);
            long pointer = u32(data, header + 20);
            if (fileAlign != 0x200 && fileAlign != 0 && u32(data, header + 16) != 0
                    && pointer % fileAlign != 0 && pointer % 0x200 == 0) {
                fileAlign = 0x200;
            }
        }
        for (int i = 0; i < sectionCount; i++) {
            int header = (int) (table + 40L * i);
            rvas[i] = alignDown(u32(data, header + 12), sectionAlign);
            raws[i] = alignDown(u32(data, header + 20), fileAlign);
            rawSizes[i] = alignUp(u32(data, header + 16), fileAlign);
            if (rawSizes[i] != 0 && size > raws[i] && raws[i] + rawSizes[i] > size) {
                rawSizes[i] = size - raws[i];
            }
        }
        long alignedHeaders = alignUp(headersSize, sectionAlign);
        return new PeHeader(rawAddress(entryRva, rvas, raws, rawSizes, alignedHeaders, size), raws, rawSizes);
    }

    private static long rawAddress(long rva, long[] rvas, long[] raws, long[] rawSizes, long headers, int size) {
        if (rva < headers) {
            return rva < size ? rva : -1;
        }
        for (int i = rvas.length - 1; i >= 0; i--) {
            if (rawSizes[i] != 0 && rvas[i] <= rva && rawSizes[i] > rva - rvas[i]) {
                return rva - rvas[i] + raws[i];
            }
        }
        return -1;
    }

    private static long alignDown(long value, long alignment) {
        return alignment == 0 ? value : value / alignment * alignment;
    }

    private static long alignUp(long value, long alignment) {
        return alignment == 0 ? value : (value + alignment - 1) / alignment * alignment;
    }

    private static int u16(ByteBuffer data, int at) {
        return (data.get(at) & 0xff) | (data.get(at + 1) & 0xff) << 8;
    }

    private static long u32(ByteBuffer data, int at) {
        return (data.get(at) & 0xffL) | (data.get(at + 1) & 0xffL) << 8 | (data.get(at + 2) & 0xffL) << 16
                | (data.get(at + 3) & 0xffL) << 24;
    }
}
