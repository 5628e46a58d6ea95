package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.util.Set;

/**
 * How section 1 ("MSCompressed") of a CHM is stored: the LZX stream in
 * {@code ::DataSpace/Storage/MSCompressed/Content}, its window size and reset interval in {@code ControlData}
 * ("LZXC"; version 1 counts bytes, version 2 units of 32 KB), and the section's uncompressed length from the
 * {@code ResetTable} or else {@code SpanInfo}. The LZX stream is read from its start; the reset table's offsets
 * are not needed for that.
 *
 * @param stream position of the compressed stream in the file
 * @param streamLength its length
 * @param length the uncompressed length of the section
 */
record ChmCompressedSection(long stream, long streamLength, int windowBits, int resetInterval, long length) {
    private static final String STORAGE = ChmEntry.DATA_SPACE_PREFIX + "Storage/MSCompressed/";
    static final String CONTENT = STORAGE + "Content";
    static final String CONTROL_DATA = STORAGE + "ControlData";
    static final String SPAN_INFO = STORAGE + "SpanInfo";
    static final String RESET_TABLE = STORAGE
            + "Transform/{7FC28940-9D31-11D0-9B27-00A0C91E9C7C}/InstanceData/ResetTable";
    static final Set<String> STORAGE_FILES = Set.of(CONTENT, CONTROL_DATA, SPAN_INFO, RESET_TABLE);
    private static final long LZXC = 0x43585a4cL;
    private static final int CONTROL_DATA_SIZE = 24;
    private static final int RESET_TABLE_HEADER = 0x28;

    static ChmCompressedSection read(Content content, ChmDirectory directory) throws IOException {
        ChmEntry data = storageFile(directory, CONTENT);
        ChmEntry control = storageFile(directory, CONTROL_DATA);
        if (control.length() < CONTROL_DATA_SIZE) {
            throw new IOException("CHM ControlData is too short");
        }
        long controlAt = directory.section0() + control.offset();
        if (Bytes.u32(content, controlAt + 4, "CHM ControlData") != LZXC) {
            throw new IOException("CHM ControlData lacks its LZXC signature");
        }
        long version = Bytes.u32(content, controlAt + 8, "CHM ControlData");
        long unit;
        if (version == 1) {
            unit = 1;
        } else if (version == 2) {
            unit = LzxDecoder.FRAME_SIZE;
        } else {
            throw new IOException("CHM ControlData version " + version + " is not supported");
        }
        long resetBytes = Bytes.u32(content, controlAt + 12, "CHM ControlData") * unit;
        long windowBytes = Bytes.u32(content, controlAt + 16, "CHM ControlData") * unit;
        int windowBits = Long.numberOfTrailingZeros(windowBytes);
        if (Long.bitCount(windowBytes) != 1 || windowBits < LzxDecoder.MIN_WINDOW_BITS
                || windowBits > LzxDecoder.MAX_WINDOW_BITS) {
            throw new IOException("CHM LZX window of " + windowBytes + " bytes is not supported");
        }
        if (resetBytes == 0 || resetBytes % LzxDecoder.FRAME_SIZE != 0
                || resetBytes / LzxDecoder.FRAME_SIZE > Integer.MAX_VALUE) {
            throw new IOException("CHM LZX reset interval of " + resetBytes + " bytes is not supported");
        }
        long stream = directory.section0() + data.offset();
        Bytes.require(content, stream, data.length(), "CHM compressed content");
        return new ChmCompressedSection(stream, data.length(), windowBits,
                (int) (resetBytes / LzxDecoder.FRAME_SIZE), uncompressedLength(content, directory));
    }

    private static long uncompressedLength(Content content, ChmDirectory directory) throws IOException {
        var table = directory.find(RESET_TABLE).filter(entry -> entry.section() == 0);
        if (table.isPresent() && table.get().length() >= RESET_TABLE_HEADER) {
            return Bytes.u64(content, directory.section0() + table.get().offset() + 0x10, "CHM ResetTable");
        }
        var span = directory.find(SPAN_INFO).filter(entry -> entry.section() == 0 && entry.length() >= 8);
        if (span.isPresent()) {
            return Bytes.u64(content, directory.section0() + span.get().offset(), "CHM SpanInfo");
        }
        throw new IOException("CHM states the length of its compressed section nowhere");
    }

    private static ChmEntry storageFile(ChmDirectory directory, String name) throws IOException {
        ChmEntry entry = directory.find(name)
                .orElseThrow(() -> new IOException("CHM lacks " + name + " for its compressed section"));
        if (entry.section() != 0) {
            throw new IOException("CHM " + name + " is not in the uncompressed section");
        }
        return entry;
    }
}
