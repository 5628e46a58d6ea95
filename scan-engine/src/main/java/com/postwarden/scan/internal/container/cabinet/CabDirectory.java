package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header, folder table and file table of one Microsoft cabinet ([MS-CAB] 2.1 to 2.3). Counts are 16-bit
 * and every record is read from the content at its position, so a lying header costs at most 65535 small
 * records, each of which must exist in the data. Of the file records only the first {@code maxFiles} are
 * kept: the engine takes no more entries than that from one container.
 *
 * @param folders the CFFOLDER records in order
 * @param files the CFFILE records in order
 * @param dataReserve reserved bytes in each CFDATA header
 */
record CabDirectory(List<CabFolder> folders, List<CabFile> files, int dataReserve) {
    static final int MAX_NAME = 256;

    private static final int HEADER_SIZE = 36;
    private static final int FLAG_PREV_CABINET = 0x1;
    private static final int FLAG_NEXT_CABINET = 0x2;
    private static final int FLAG_RESERVE_PRESENT = 0x4;
    private static final int FOLDER_SIZE = 8;
    private static final int FILE_SIZE = 16;
    private static final int ATTRIBUTE_NAME_IS_UTF = 0x80;

    static CabDirectory read(Content content, int maxFiles) throws IOException {
        Bytes.require(content, 0, HEADER_SIZE, "CAB header");
        if (Bytes.u32(content, 0, "CAB signature") != 0x4643534dL) {
            throw new IOException("not a Microsoft cabinet: MSCF signature missing");
        }
        long filesOffset = Bytes.u32(content, 16, "CAB header");
        int folderCount = Bytes.u16(content, 26, "CAB header");
        int fileCount = Bytes.u16(content, 28, "CAB header");
        int flags = Bytes.u16(content, 30, "CAB header");
        long position = HEADER_SIZE;
        int folderReserve = 0;
        int dataReserve = 0;
        if ((flags & FLAG_RESERVE_PRESENT) != 0) {
            int headerReserve = Bytes.u16(content, position, "CAB reserve sizes");
            folderReserve = Bytes.u8(content, position + 2, "CAB reserve sizes");
            dataReserve = Bytes.u8(content, position + 3, "CAB reserve sizes");
            position += 4 + headerReserve;
        }
        if ((flags & FLAG_PREV_CABINET) != 0) {
            position = skipString(content, skipString(content, position));
        }
        if ((flags & FLAG_NEXT_CABINET) != 0) {
            position = skipString(content, skipString(content, position));
        }
        List<CabFolder> folders = new ArrayList<>();
        for (int i = 0; i < folderCount; i++) {
            Bytes.require(content, position, FOLDER_SIZE + folderReserve, "CAB folder " + i);
            folders.add(new CabFolder(i, Bytes.u32(content, position, "CAB folder"),
                    Bytes.u16(content, position + 4, "CAB folder"), Bytes.u16(content, position + 6, "CAB folder")));
            position += FOLDER_SIZE + folderReserve;
        }
        List<CabFile> files = new ArrayList<>();
        position = filesOffset;
        for (int i = 0; i < Math.min(fileCount, maxFiles); i++) {
            Bytes.require(content, position, FILE_SIZE, "CAB file record " + i);
            long size = Bytes.u32(content, position, "CAB file record");
            long offset = Bytes.u32(content, position + 4, "CAB file record");
            int folder = Bytes.u16(content, position + 8, "CAB file record");
            int attributes = Bytes.u16(content, position + 14, "CAB file record");
            int nameLength = nameLength(content, position + FILE_SIZE);
            byte[] name = new byte[nameLength];
            content.read((int) (position + FILE_SIZE), name, 0, nameLength);
            if (folder >= folderCount && folder < CabFile.CONTINUED_FROM_PREV) {
                throw new IOException("CAB file record " + i + " names folder " + folder + " of " + folderCount);
            }
            files.add(new CabFile(new String(name, (attributes & ATTRIBUTE_NAME_IS_UTF) != 0
                    ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), size, offset, folder));
            position += FILE_SIZE + nameLength + 1;
        }
        return new CabDirectory(List.copyOf(folders), List.copyOf(files), dataReserve);
    }

    private static long skipString(Content content, long position) throws IOException {
        return position + nameLength(content, position) + 1;
    }

    /** Length of the NUL-terminated string at {@code position}, at most {@link #MAX_NAME} bytes. */
    private static int nameLength(Content content, long position) throws IOException {
        for (int length = 0; length <= MAX_NAME; length++) {
            if (Bytes.u8(content, position + length, "CAB name") == 0) {
                return length;
            }
        }
        throw new IOException("CAB name is longer than " + MAX_NAME + " bytes");
    }
}
