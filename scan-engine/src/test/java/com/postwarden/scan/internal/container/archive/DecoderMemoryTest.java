package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that claim huge structures or dictionaries are refused with a clear IOException before anything of
 * that size is allocated.
 */
class DecoderMemoryTest {
    private static final long ALLOCATION_BOUND = 32L << 20;
    private static final byte[] SIGNATURE = {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4};

    @Test
    void sevenZipHeaderListingMillionsOfFilesIsRefusedByTheMemoryLimit() {
        long files = 1L << 28;
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x01); // kHeader
        header.write(0x04); // kMainStreamsInfo
        header.writeBytes(new byte[] {0x06, 0x00, 0x01, 0x09, 0x01, 0x00}); // kPackInfo: at 0, one stream of 1 byte
        header.writeBytes(new byte[] {0x07, 0x0b, 0x01, 0x00}); // kUnpackInfo, kFolder: one folder, not external
        header.writeBytes(new byte[] {0x01, 0x01, 0x00}); // one coder: Copy
        header.writeBytes(new byte[] {0x0c, 0x01, 0x00}); // kCodersUnpackSize 1, kEnd
        header.writeBytes(new byte[] {0x08, 0x0d}); // kSubStreamsInfo, kNumUnpackStream
        writeNumber(header, files);
        header.writeBytes(new byte[] {0x00, 0x00}); // kEnd of SubStreamsInfo and of MainStreamsInfo
        header.write(0x05); // kFilesInfo
        writeNumber(header, files);
        header.write(0x00); // no file properties
        header.write(0x00); // kEnd
        byte[] archive = sevenZip(new byte[] {0}, header.toByteArray());

        Throwable thrown = unpackMeasured(FileType.SEVEN_ZIP, archive);

        assertThat(thrown).isInstanceOf(IOException.class).hasMessageStartingWith("damaged 7z")
                .hasMessageContaining("more memory than the " + DecoderLimits.MAX_MEMORY_KIB + " KiB allowed");
    }

    @Test
    void sevenZipCompressedHeaderClaimingAGigabyteIsRefusedBeforeDecoding() {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x17); // kEncodedHeader
        header.writeBytes(new byte[] {0x06, 0x00, 0x01, 0x09, 0x01, 0x00}); // kPackInfo: at 0, one stream of 1 byte
        header.writeBytes(new byte[] {0x07, 0x0b, 0x01, 0x00}); // kUnpackInfo, kFolder: one folder, not external
        header.writeBytes(new byte[] {0x01, 0x23, 0x03, 0x01, 0x01, 0x05, 0x5d, 0x00, 0x00, 0x10, 0x00}); // LZMA
        header.write(0x0c); // kCodersUnpackSize
        writeNumber(header, 1L << 30);
        header.writeBytes(new byte[] {0x00, 0x00}); // kEnd of UnpackInfo and of StreamsInfo
        byte[] archive = sevenZip(new byte[] {0}, header.toByteArray());

        Throwable thrown = unpackMeasured(FileType.SEVEN_ZIP, archive);

        assertThat(thrown).isInstanceOf(IOException.class)
                .hasMessage("damaged 7z: compressed header would decode to 1073741824 bytes, more than the "
                        + DecoderLimits.MAX_7Z_HEADER_BYTES + " allowed");
    }

    @Test
    void sevenZipEntryWhoseLzmaDictionaryClaimsOnePointFiveGigabytesIsRefused(@TempDir Path directory)
            throws IOException {
        Files.write(directory.resolve("a.txt"), Samples.TEXT);
        Tools.shell(directory, "7z a -bd -t7z -m0=LZMA -mhc=off out.7z a.txt >/dev/null");
        byte[] archive = Files.readAllBytes(directory.resolve("out.7z"));
        int coder = ArchiveFormatsTest.indexOf(archive, new byte[] {0x23, 0x03, 0x01, 0x01, 0x05, 0x5d});
        writeIntLe(archive, coder + 6, 0x60000000L);
        fixSevenZipChecksums(archive);

        Throwable thrown = unpackMeasured(FileType.SEVEN_ZIP, archive);

        assertThat(thrown).isInstanceOf(IOException.class).hasMessageStartingWith("damaged 7z")
                .hasMessageContaining("more memory than the " + DecoderLimits.MAX_MEMORY_KIB + " KiB allowed");
    }

    @Test
    void lzmaFileClaimingAGigabyteDictionaryIsRefused(@TempDir Path directory) throws IOException {
        Files.write(directory.resolve("a.txt"), Samples.TEXT);
        Tools.shell(directory, "xz --format=lzma -c a.txt > out");
        byte[] lzma = Files.readAllBytes(directory.resolve("out"));
        writeIntLe(lzma, 1, 1L << 30);

        Throwable thrown = unpackMeasured(FileTypes.detect(Content.of(lzma)), lzma);

        assertThat(thrown).isInstanceOf(IOException.class).hasMessageStartingWith("damaged lzma")
                .hasMessageContaining("more memory than the " + DecoderLimits.MAX_MEMORY_KIB + " KiB allowed");
    }

    private static Throwable unpackMeasured(FileType type, byte[] archive) {
        long before = ThreadAllocation.bytes();
        Throwable thrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(type)
                .unpack(Content.of(archive), new PartialEntries("out")));
        assertThat(ThreadAllocation.bytes() - before).as("bytes allocated").isLessThan(ALLOCATION_BOUND);
        return thrown;
    }

    /** A 7z file: signature header, packed streams, then the header, with correct checksums. */
    private static byte[] sevenZip(byte[] packed, byte[] header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        out.writeBytes(new byte[24]);
        out.writeBytes(packed);
        out.writeBytes(header);
        byte[] archive = out.toByteArray();
        writeLongLe(archive, 12, packed.length);
        writeLongLe(archive, 20, header.length);
        fixSevenZipChecksums(archive);
        return archive;
    }

    private static void fixSevenZipChecksums(byte[] archive) {
        int offset = (int) readLongLe(archive, 12);
        int size = (int) readLongLe(archive, 20);
        CRC32 next = new CRC32();
        next.update(archive, 32 + offset, size);
        writeIntLe(archive, 28, next.getValue());
        CRC32 start = new CRC32();
        start.update(archive, 12, 20);
        writeIntLe(archive, 8, start.getValue());
    }

    /** 7z's variable-length number, written in its longest form for simplicity. */
    private static void writeNumber(ByteArrayOutputStream out, long value) {
        out.write(0xff);
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static void writeIntLe(byte[] target, int at, long value) {
        for (int i = 0; i < 4; i++) {
            target[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static void writeLongLe(byte[] target, int at, long value) {
        for (int i = 0; i < 8; i++) {
            target[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static long readLongLe(byte[] source, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | source[at + i] & 0xff;
        }
        return value;
    }

}
