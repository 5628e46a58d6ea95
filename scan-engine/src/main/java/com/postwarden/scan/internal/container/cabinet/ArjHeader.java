package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One ARJ header (the archive's main header or a file's local header) as ARJ's TECHNOTE describes it: the
 * 0x60 0xEA mark, a basic header of at most 2600 bytes with its CRC, then extended headers, skipped. Header
 * checksums are not verified; file data is checked against its CRC-32 when read.
 *
 * @param flags bit 0 garbled (encrypted), bit 2 continues in the next volume, bit 3 continued from the previous
 * @param data where the entry's compressed bytes start
 */
record ArjHeader(int flags, int method, int fileType, long compressedSize, long originalSize, int crc,
                 String name, long data) {
    static final int FLAG_GARBLED = 0x01;
    static final int FLAG_VOLUME = 0x04;
    static final int FLAG_EXTFILE = 0x08;
    static final int TYPE_COMMENT_HEADER = 2;
    static final int TYPE_DIRECTORY = 3;
    static final int TYPE_VOLUME_LABEL = 4;
    static final int TYPE_CHAPTER_LABEL = 5;

    private static final int MARK = 0xea60;
    private static final int MAX_BASIC_HEADER = 2600;
    private static final int MIN_FIRST_HEADER = 30;

    /** The header at {@code position}, or {@code null} for the end-of-archive header (basic size 0). */
    static ArjHeader read(Content content, long position) throws IOException {
        if (Bytes.u16(content, position, "ARJ header") != MARK) {
            throw new IOException("ARJ header mark missing at offset " + position);
        }
        int size = Bytes.u16(content, position + 2, "ARJ header");
        if (size == 0) {
            return null;
        }
        if (size > MAX_BASIC_HEADER) {
            throw new IOException("ARJ header of " + size + " bytes exceeds " + MAX_BASIC_HEADER);
        }
        long basic = position + 4;
        Bytes.require(content, basic, size + 4L, "ARJ header");
        int first = Bytes.u8(content, basic, "ARJ header");
        if (first < MIN_FIRST_HEADER || first > size) {
            throw new IOException("ARJ header's fixed part of " + first + " bytes is out of range");
        }
        String name = name(content, basic + first, basic + size);
        long next = basic + size + 4;
        for (int extended = Bytes.u16(content, next, "ARJ extended header"); extended != 0;
             extended = Bytes.u16(content, next, "ARJ extended header")) {
            next += 2 + extended + 4L;
        }
        return new ArjHeader(Bytes.u8(content, basic + 4, "ARJ header"), Bytes.u8(content, basic + 5, "ARJ header"),
                Bytes.u8(content, basic + 6, "ARJ header"), Bytes.u32(content, basic + 12, "ARJ header"),
                Bytes.u32(content, basic + 16, "ARJ header"), (int) Bytes.u32(content, basic + 20, "ARJ header"),
                name, next + 2);
    }

    boolean isGarbled() {
        return (flags & FLAG_GARBLED) != 0;
    }

    boolean spansVolumes() {
        return (flags & (FLAG_VOLUME | FLAG_EXTFILE)) != 0;
    }

    boolean hasData() {
        return fileType != TYPE_DIRECTORY && fileType != TYPE_VOLUME_LABEL && fileType != TYPE_CHAPTER_LABEL;
    }

    /** The NUL-terminated name: UTF-8 where it is valid, else the bytes as Latin-1 (DOS code pages). */
    private static String name(Content content, long start, long end) {
        int length = 0;
        while (start + length < end && content.byteAt((int) (start + length)) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        content.read((int) start, bytes, 0, length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
