package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.installer.InstallShieldOverlay.StoredFile;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentRangeStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * InstallShield's own cabinets (version 5 on): a header file, {@code data1.hdr} (magic {@code ISc(}), whose file
 * table says where each file lies in the volumes {@code data1.cab}, {@code data2.cab}, ... and how large it is
 * compressed. Older setup launchers keep header and volumes in their overlay ({@link InstallShieldOverlay}).
 * Files are stored as chunks: a 16-bit length, then raw deflate data ({@link InstallShieldChunkStream}). Only
 * files flagged as inside a volume are read, duplicates once. Hand written because no library reads the
 * format; ClamAV's ishield.c describes it.
 */
final class InstallShieldCabinet {
    static final long MAGIC = 0x28635349L;
    private static final int HEADER = 20;
    private static final int DESCRIPTOR = 0x30;
    private static final int FILE_ENTRY = 87;
    private static final int FLAG_IN_VOLUME = 4;
    private static final int MAX_NAME = 1024;
    private static final String HEADER_NAME = "data1.hdr";
    private static final Pattern VOLUME_NAME = Pattern.compile("(?i)data([1-9][0-9]{0,4})\\.cab");

    /** One file inside a volume: its path, volume number, offset and compressed size there. */
    record CabinetFile(String name, int volume, long offset, long compressedSize) {
        long end() {
            return offset + compressedSize;
        }
    }

    private InstallShieldCabinet() {
    }

    /**
     * Hands over the files of the cabinet whose header ({@code data1.hdr}) and volumes ({@code dataN.cab}) are
     * among {@code stored}; files in a volume not there are skipped. Returns false when the scan is over.
     */
    static boolean handOver(Content content, List<StoredFile> stored, Entries entries) throws IOException {
        StoredFile header = null;
        Map<Integer, StoredFile> volumes = new HashMap<>();
        for (StoredFile file : stored) {
            Matcher volume = VOLUME_NAME.matcher(file.fileName());
            if (HEADER_NAME.equalsIgnoreCase(file.fileName()) && header == null) {
                header = file;
            } else if (volume.matches()) {
                volumes.putIfAbsent(Integer.parseInt(volume.group(1)), file);
            }
        }
        if (header == null || volumes.isEmpty() || !isHeader(content, header.offset())) {
            return true;
        }
        for (CabinetFile file : files(content, header.offset(), header.length())) {
            StoredFile volume = volumes.get(file.volume());
            if (volume == null) {
                continue;
            }
            try (InputStream data = open(content, volume.offset(), volume.length(), file)) {
                if (!entries.add(file.name(), data)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the header file at {@code header} starts with the cabinet header magic. */
    static boolean isHeader(Content content, long header) {
        return ContentBytes.u32(content, header) == MAGIC;
    }

    /**
     * The files the header file ({@code length} bytes at {@code header}) lists as stored in a volume.
     *
     * @throws IOException when the header's tables point outside it
     */
    static List<CabinetFile> files(Content content, long header, long length) throws IOException {
        if (!isHeader(content, header) || length < HEADER) {
            throw new IOException("InstallShield cabinet header lacks its ISc( magic");
        }
        long descriptor = ContentBytes.u32(content, header + 12);
        if (descriptor < HEADER || descriptor + DESCRIPTOR > length) {
            throw new IOException("InstallShield cabinet descriptor at " + descriptor + " lies outside its "
                    + length + "-byte header");
        }
        long directories = descriptor + ContentBytes.u32(content, header + descriptor + 0xc);
        long count = ContentBytes.u32(content, header + descriptor + 0x28);
        long table = directories + ContentBytes.u32(content, header + descriptor + 0x2c);
        if (table > length || count > (length - table) / FILE_ENTRY) {
            throw new IOException("InstallShield cabinet header lists " + count + " files beyond its " + length
                    + " bytes");
        }
        List<CabinetFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long entry = header + table + (long) FILE_ENTRY * i;
            long size = ContentBytes.u64(content, entry + 2);
            long compressed = ContentBytes.u64(content, entry + 10);
            long offset = ContentBytes.u64(content, entry + 18);
            boolean duplicate = (ContentBytes.u8(content, entry + 84) & 1) != 0;
            if (ContentBytes.u16(content, entry) != FLAG_IN_VOLUME || size == 0 || duplicate) {
                continue;
            }
            if (compressed < 0 || offset < 0) {
                throw new IOException("InstallShield cabinet file " + i + " has an implausible offset or size");
            }
            String name = text(content, header, length, directories + ContentBytes.u32(content, entry + 58));
            long directoryPointer = directories + 4L * ContentBytes.u16(content, entry + 62);
            String directory = directoryPointer + 4 <= length
                    ? text(content, header, length, directories + ContentBytes.u32(content, header + directoryPointer))
                    : "";
            String path = name.isEmpty() ? "file-" + i : directory.isEmpty() ? name : directory + "\\" + name;
            files.add(new CabinetFile(path, ContentBytes.u16(content, entry + 85), offset, compressed));
        }
        return files;
    }

    /** A file's bytes, decompressed chunk by chunk, from the volume of {@code volumeLength} bytes at {@code volume}. */
    static InputStream open(Content content, long volume, long volumeLength, CabinetFile file) throws IOException {
        if (file.end() > volumeLength) {
            throw new IOException("InstallShield cabinet file '" + file.name() + "' lies past the end of data"
                    + file.volume() + ".cab: truncated");
        }
        return new InstallShieldChunkStream(new ContentRangeStream(content, volume + file.offset(),
                file.compressedSize()));
    }

    private static String text(Content content, long header, long length, long offset) {
        if (offset >= length) {
            return "";
        }
        byte[] bytes = ContentBytes.cString(content, header + offset, (int) Math.min(MAX_NAME, length - offset));
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
