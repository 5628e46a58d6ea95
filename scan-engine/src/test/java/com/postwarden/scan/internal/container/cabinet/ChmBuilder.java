package com.postwarden.scan.internal.container.cabinet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes CHM files byte by byte (ITSF version 3, one or more PMGL listing chunks) for cases no tool makes: an
 * LZX section holding arbitrary bytes, lying offsets and lengths.
 */
final class ChmBuilder {
    private static final int CHUNK_SIZE = 4096;
    private static final int ITSF_HEADER = 0x60;
    private static final int HEADER_SECTION = 0x18;
    private static final int ITSP_HEADER = 0x54;

    private final List<byte[]> entries = new ArrayList<>();
    private final ByteArrayOutputStream section0 = new ByteArrayOutputStream();

    /** Adds a file stored in section 0. */
    ChmBuilder stored(String name, byte[] data) {
        entry(name, 0, section0.size(), data.length);
        section0.writeBytes(data);
        return this;
    }

    /** Adds a directory entry as given, pointing anywhere. */
    ChmBuilder entry(String name, long section, long offset, long length) {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        encode(entry, nameBytes.length);
        entry.writeBytes(nameBytes);
        encode(entry, section);
        encode(entry, offset);
        encode(entry, length);
        entries.add(entry.toByteArray());
        return this;
    }

    /** Adds the storage files of an LZX section 1 holding {@code compressed} (LZXC version 2). */
    ChmBuilder lzxSection(byte[] compressed, int windowBits, int resetFrames, long uncompressedLength) {
        stored(ChmCompressedSection.CONTROL_DATA, little(28).putInt(6).put("LZXC".getBytes(StandardCharsets.US_ASCII))
                .putInt(2).putInt(resetFrames).putInt(1 << (windowBits - 15)).putInt(1).putInt(0).array());
        stored(ChmCompressedSection.RESET_TABLE, little(0x30).putInt(2).putInt(1).putInt(8).putInt(0x28)
                .putLong(uncompressedLength).putLong(compressed.length).putLong(LzxDecoder.FRAME_SIZE).putLong(0)
                .array());
        return stored(ChmCompressedSection.CONTENT, compressed);
    }

    byte[] build() {
        List<ByteBuffer> chunks = new ArrayList<>();
        ByteBuffer chunk = null;
        for (byte[] entry : entries) {
            if (chunk == null || chunk.remaining() < entry.length) {
                chunk = little(CHUNK_SIZE);
                chunk.put("PMGL".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(0).putInt(-1).putInt(-1);
                chunks.add(chunk);
            }
            chunk.put(entry);
        }
        for (ByteBuffer each : chunks) {
            each.putInt(4, each.remaining());
        }
        int directory = ITSF_HEADER + HEADER_SECTION;
        int directoryLength = ITSP_HEADER + chunks.size() * CHUNK_SIZE;
        ByteBuffer itsf = little(ITSF_HEADER + HEADER_SECTION);
        itsf.put("ITSF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putInt(ITSF_HEADER).putInt(1).putInt(0)
                .putInt(0x409).put(new byte[32]).putLong(ITSF_HEADER).putLong(HEADER_SECTION).putLong(directory)
                .putLong(directoryLength).putLong(directory + directoryLength);
        ByteBuffer itsp = little(ITSP_HEADER);
        itsp.put("ITSP".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(ITSP_HEADER).putInt(10)
                .putInt(CHUNK_SIZE).putInt(2).putInt(1).putInt(-1).putInt(0).putInt(chunks.size() - 1).putInt(-1)
                .putInt(chunks.size()).putInt(0x409).put(new byte[16]).putInt(ITSP_HEADER).putInt(-1).putInt(-1)
                .putInt(-1);
        ByteArrayOutputStream chm = new ByteArrayOutputStream();
        chm.writeBytes(itsf.array());
        chm.writeBytes(itsp.array());
        chunks.forEach(each -> chm.writeBytes(each.array()));
        chm.writeBytes(section0.toByteArray());
        return chm.toByteArray();
    }

    private static void encode(ByteArrayOutputStream out, long value) {
        int groups = 1;
        while (groups < 9 && value >>> (7 * groups) != 0) {
            groups++;
        }
        for (int group = groups - 1; group >= 0; group--) {
            int bits = (int) (value >>> (7 * group)) & 0x7f;
            out.write(group > 0 ? bits | 0x80 : bits);
        }
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
