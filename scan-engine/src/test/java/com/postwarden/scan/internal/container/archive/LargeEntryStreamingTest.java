package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 1 GiB entry of zeros, compressed to about a megabyte, flows through {@code Entries.add} as a stream: reading
 * part of it and stopping leaves the unpacker without having allocated anything near the entry's size. The
 * archives are built here from one deflate chunk repeated, so the gigabyte is never materialised by the test.
 */
class LargeEntryStreamingTest {
    private static final int MIB = 1 << 20;
    private static final int CHUNKS = 1024;
    private static final long ENTRY_SIZE = (long) CHUNKS * MIB;
    private static final long READ = 64L * MIB;
    private static final long ALLOCATION_BOUND = 32L * MIB;

    private static byte[] chunk;
    private static long crc;

    enum Container {
        ZIP(FileType.ZIP),
        ZIP_WITHOUT_CENTRAL_DIRECTORY(FileType.ZIP),
        GZIP(FileType.GZIP);

        final FileType type;

        Container(FileType type) {
            this.type = type;
        }
    }

    @BeforeAll
    static void compressOneMegabyteOfZeros() {
        // a full flush ends the chunk on a byte boundary with an empty dictionary: chunks simply concatenate
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[MIB]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        chunk = out.toByteArray();
        CRC32 checksum = new CRC32();
        byte[] zeros = new byte[MIB];
        for (int i = 0; i < CHUNKS; i++) {
            checksum.update(zeros);
        }
        crc = checksum.getValue();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void gigabyteEntryIsStreamedAndStoppingLeavesMemoryUntouched(Container container) throws IOException {
        byte[] archive = build(container);
        Unpacker unpacker = ArchiveFormatsTest.unpackerFor(container.type);
        StreamingEntries entries = new StreamingEntries();

        long before = ThreadAllocation.bytes();
        unpacker.unpack(Content.of(archive), entries);
        long allocated = ThreadAllocation.bytes() - before;

        assertThat(FileTypes.detect(Content.of(archive))).isEqualTo(container.type);
        assertThat(archive.length).isLessThan(2 * MIB);
        assertThat(entries.calls).isEqualTo(1);
        assertThat(entries.zeros).isEqualTo(READ);
        assertThat(allocated).as("bytes allocated while unpacking").isLessThan(ALLOCATION_BOUND);
    }

    private static byte[] build(Container container) throws IOException {
        switch (container) {
            case GZIP:
                return gzip();
            case ZIP:
                return zip();
            case ZIP_WITHOUT_CENTRAL_DIRECTORY:
                return ArchiveFormatsTest.withoutCentralDirectory(zip());
            default:
                throw new IllegalArgumentException(container.name());
        }
    }

    private static InputStream deflatedZeros() {
        return new SequenceInputStream(Collections.enumeration(Collections.nCopies(CHUNKS, chunk).stream()
                .map(bytes -> (InputStream) new ByteArrayInputStream(bytes)).toList()));
    }

    private static byte[] finalBlock() {
        // an empty final block with fixed Huffman codes: BFINAL=1, BTYPE=01, end-of-block
        return new byte[] {0x03, 0x00};
    }

    private static byte[] gzip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        deflatedZeros().transferTo(out);
        out.write(finalBlock());
        writeIntLe(out, crc);
        writeIntLe(out, ENTRY_SIZE);
        return out.toByteArray();
    }

    private static byte[] zip() throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("zeros.bin");
            entry.setMethod(ZipArchiveEntry.DEFLATED);
            entry.setSize(ENTRY_SIZE);
            entry.setCompressedSize((long) chunk.length * CHUNKS + finalBlock().length);
            entry.setCrc(crc);
            zip.addRawArchiveEntry(entry, new SequenceInputStream(deflatedZeros(),
                    new ByteArrayInputStream(finalBlock())));
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
    }

    private static void writeIntLe(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }


    /** Reads the first 64 MiB of the one entry in 64 KiB steps, checks they are zeros, then says stop. */
    private static final class StreamingEntries implements Entries {
        int calls;
        long zeros;

        @Override
        public boolean add(String name, InputStream data) throws IOException {
            calls++;
            byte[] buffer = new byte[64 * 1024];
            while (zeros < READ) {
                int n = data.readNBytes(buffer, 0, buffer.length);
                if (n == 0) {
                    throw new AssertionError("entry ended after " + zeros + " bytes");
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != 0) {
                        throw new AssertionError("byte " + (zeros + i) + " is not zero");
                    }
                }
                zeros += n;
            }
            return false;
        }

        @Override
        public boolean encrypted(String name, String format) {
            calls++;
            return false;
        }

        @Override
        public int remainingEntries() {
            return 1;
        }
    }
}
