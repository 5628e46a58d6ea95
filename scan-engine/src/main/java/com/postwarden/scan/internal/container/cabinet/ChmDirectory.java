package com.postwarden.scan.internal.container.cabinet;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The directory of a Compiled HTML Help file: the ITSF header, the ITSP directory header and the entries of
 * its PMGL listing chunks (index chunks are not needed to list everything). Every chunk must lie in the file
 * and every entry in its chunk, so parsing is bounded by the file's size whatever its headers claim; of the
 * files (entries outside {@code ::DataSpace/} that are not directories) only the first {@code maxFiles} are
 * kept, and of the storage entries only those describing the compressed section (the first of each name).
 *
 * @param section0 where section 0 (the uncompressed content) starts in the file
 * @param files the files of the listing chunks, in order, without directories
 * @param storage the {@code ::DataSpace/} entries of {@link ChmCompressedSection#STORAGE_FILES} by name
 */
record ChmDirectory(long section0, List<ChmEntry> files, Map<String, ChmEntry> storage) {
    private static final int ITSF_MIN_HEADER = 0x58;
    private static final int ITSF_V3_HEADER = 0x60;
    private static final int ITSP_MIN_HEADER = 0x30;
    private static final int PMGL_HEADER = 0x14;
    private static final long ITSF = 0x46535449L;
    private static final long ITSP = 0x50535449L;
    private static final long PMGL = 0x4c474d50L;

    static ChmDirectory read(Content content, int maxFiles) throws IOException {
        Bytes.require(content, 0, ITSF_MIN_HEADER, "CHM header");
        if (Bytes.u32(content, 0, "CHM header") != ITSF) {
            throw new IOException("not a CHM file: ITSF signature missing");
        }
        long headerLength = Bytes.u32(content, 8, "CHM header");
        long directory = Bytes.u64(content, 0x48, "CHM directory offset");
        long directoryLength = Bytes.u64(content, 0x50, "CHM directory length");
        long section0 = headerLength >= ITSF_V3_HEADER
                ? Bytes.u64(content, 0x58, "CHM content offset") : directory + directoryLength;
        Bytes.require(content, directory, ITSP_MIN_HEADER, "CHM directory header");
        if (Bytes.u32(content, directory, "CHM directory header") != ITSP) {
            throw new IOException("CHM directory lacks its ITSP signature");
        }
        long chunks = directory + Bytes.u32(content, directory + 8, "CHM directory header");
        long chunkSize = Bytes.u32(content, directory + 0x10, "CHM directory header");
        long firstListing = Bytes.u32(content, directory + 0x20, "CHM directory header");
        long lastListing = Bytes.u32(content, directory + 0x24, "CHM directory header");
        long chunkCount = Bytes.u32(content, directory + 0x2c, "CHM directory header");
        if (chunkSize < PMGL_HEADER || chunkSize > content.size()) {
            throw new IOException("CHM directory chunk size " + chunkSize + " is out of range");
        }
        if (firstListing > lastListing || lastListing >= chunkCount) {
            throw new IOException("CHM listing chunks " + firstListing + ".." + lastListing + " of "
                    + chunkCount + " are out of range");
        }
        Bytes.require(content, chunks, (lastListing + 1) * chunkSize, "CHM directory chunks");
        List<ChmEntry> files = new ArrayList<>();
        Map<String, ChmEntry> storage = new HashMap<>();
        for (long chunk = firstListing; chunk <= lastListing; chunk++) {
            readListing(content, chunks + chunk * chunkSize, chunkSize, entry -> {
                if (entry.isStorageInternal()) {
                    if (ChmCompressedSection.STORAGE_FILES.contains(entry.name())) {
                        storage.putIfAbsent(entry.name(), entry);
                    }
                } else if (!entry.isDirectory() && files.size() < maxFiles) {
                    files.add(entry);
                }
            });
        }
        return new ChmDirectory(section0, List.copyOf(files), Map.copyOf(storage));
    }

    /** The storage entry of this name ({@code ::DataSpace/...}). */
    Optional<ChmEntry> find(String name) {
        return Optional.ofNullable(storage.get(name));
    }

    private static void readListing(Content content, long chunk, long chunkSize, Consumer<ChmEntry> entries)
            throws IOException {
        if (Bytes.u32(content, chunk, "CHM directory chunk") != PMGL) {
            return; // an index chunk placed among the listings; it repeats names the listings have
        }
        long freeSpace = Bytes.u32(content, chunk + 4, "CHM directory chunk");
        if (freeSpace > chunkSize - PMGL_HEADER) {
            throw new IOException("CHM directory chunk claims " + freeSpace + " bytes of free space");
        }
        EncodedIntReader reader = new EncodedIntReader(content, chunk + PMGL_HEADER, chunk + chunkSize - freeSpace);
        while (reader.hasMore()) {
            long nameLength = reader.next();
            byte[] name = reader.bytes(nameLength);
            entries.accept(new ChmEntry(new String(name, StandardCharsets.UTF_8), reader.next(), reader.next(),
                    reader.next()));
        }
    }

    /** Reads the variable-length numbers of a listing chunk: 7 bits a byte, most significant first. */
    private static final class EncodedIntReader {
        private final Content content;
        private long position;
        private final long end;

        EncodedIntReader(Content content, long position, long end) {
            this.content = content;
            this.position = position;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        long next() throws IOException {
            long value = 0;
            while (true) {
                if (position >= end) {
                    throw new IOException("CHM directory entry runs past its chunk");
                }
                if (value > Long.MAX_VALUE >>> 7) {
                    throw new IOException("CHM directory number is out of range");
                }
                int b = Bytes.u8(content, position++, "CHM directory entry");
                value = value << 7 | (b & 0x7f);
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        byte[] bytes(long length) throws IOException {
            if (length > end - position) {
                throw new IOException("CHM directory name runs past its chunk");
            }
            byte[] bytes = new byte[(int) length];
            content.read((int) position, bytes, 0, bytes.length);
            position += length;
            return bytes;
        }
    }
}
