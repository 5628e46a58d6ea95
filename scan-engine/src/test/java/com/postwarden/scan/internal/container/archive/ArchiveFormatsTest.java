package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.container.Unpackers;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every archive format and variant, built by the real tool from the same files ({@code a.txt},
 * {@code dir/b.bin}, {@code nested.zip}, an empty {@code empty.txt}), is recognised by its magic and yields
 * exactly those files.
 */
class ArchiveFormatsTest {
    private static final String FILES = "a.txt dir nested.zip empty.txt";
    private static final String FILE_LIST = "printf 'a.txt\\ndir\\ndir/b.bin\\nnested.zip\\nempty.txt\\n'";

    /** One archive variant and the command line that builds it as {@code out} in the payload's directory. */
    enum Variant {
        ZIP_DEFLATE(FileType.ZIP, "zip -q -r -X out.zip " + FILES + " && mv out.zip out"),
        ZIP_STORED(FileType.ZIP, "zip -q -0 -r -X out.zip " + FILES + " && mv out.zip out"),
        ZIP_BZIP2(FileType.ZIP, "zip -q -Z bzip2 -r -X out.zip " + FILES + " && mv out.zip out"),
        ZIP_ZIP64(FileType.ZIP, "zip -q -fz -r -X out.zip " + FILES + " && mv out.zip out"),
        ZIP_DATA_DESCRIPTORS(FileType.ZIP, "zip -q -r -X - " + FILES + " > out"),
        ZIP_DEFLATE64(FileType.ZIP, "7z a -bd -tzip -mm=Deflate64 out.zip " + FILES + " >/dev/null && mv out.zip out"),
        SEVEN_ZIP_LZMA2(FileType.SEVEN_ZIP, "7z a -bd -t7z out.7z " + FILES + " >/dev/null && mv out.7z out"),
        SEVEN_ZIP_LZMA_NOT_SOLID(FileType.SEVEN_ZIP,
                "7z a -bd -t7z -m0=LZMA -ms=off out.7z " + FILES + " >/dev/null && mv out.7z out"),
        SEVEN_ZIP_BZIP2(FileType.SEVEN_ZIP, "7z a -bd -t7z -m0=BZip2 out.7z " + FILES + " >/dev/null && mv out.7z out"),
        SEVEN_ZIP_DEFLATE(FileType.SEVEN_ZIP,
                "7z a -bd -t7z -m0=Deflate out.7z " + FILES + " >/dev/null && mv out.7z out"),
        SEVEN_ZIP_COPY_WITH_FILTER(FileType.SEVEN_ZIP,
                "7z a -bd -t7z -mf=BCJ -mx=9 -mhc=off out.7z " + FILES + " >/dev/null && mv out.7z out"),
        TAR_USTAR(FileType.TAR, "tar --format=ustar -cf out " + FILES),
        TAR_GNU(FileType.TAR, "tar --format=gnu -cf out " + FILES),
        TAR_PAX(FileType.TAR, "tar --format=pax -cf out " + FILES),
        TAR_V7(FileType.TAR, "tar --format=v7 -cf out " + FILES),
        CPIO_ODC(FileType.CPIO, FILE_LIST + " | cpio --quiet -o -H odc > out"),
        CPIO_NEWC(FileType.CPIO, FILE_LIST + " | cpio --quiet -o -H newc > out"),
        CPIO_CRC(FileType.CPIO, FILE_LIST + " | cpio --quiet -o -H crc > out"),
        CPIO_BINARY(FileType.CPIO, FILE_LIST + " | cpio --quiet -o -H bin > out");

        final FileType type;
        final String commandLine;

        Variant(FileType type, String commandLine) {
            this.type = type;
            this.commandLine = commandLine;
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void archiveIsDetectedAndYieldsEveryFileWithItsExactBytes(Variant variant, @TempDir Path directory)
            throws IOException {
        Map<String, byte[]> payload = Samples.writePayload(directory);
        Tools.shell(directory, variant.commandLine);
        Content archive = Content.of(Files.readAllBytes(directory.resolve("out")));

        FileType detected = FileTypes.detect(archive);
        NamedEntries entries = new NamedEntries("out");
        unpackerFor(detected).unpack(archive, entries);

        assertThat(detected).isEqualTo(variant.type);
        assertThat(Samples.digests(entries.entries())).containsExactlyInAnyOrderEntriesOf(Samples.digests(payload));
        assertThat(entries.encrypted()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"ZIP_DEFLATE", "SEVEN_ZIP_LZMA2", "TAR_PAX", "CPIO_NEWC"})
    void nestedArchiveIsUnpackedInTurn(Variant variant, @TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, variant.commandLine);

        Map<String, byte[]> leaves = Extraction.leaves("out", Files.readAllBytes(directory.resolve("out")));

        assertThat(leaves).containsOnlyKeys("out!a.txt", "out!dir/b.bin", "out!nested.zip!inner.txt", "out!empty.txt");
        assertThat(new String(leaves.get("out!nested.zip!inner.txt"), StandardCharsets.UTF_8))
                .isEqualTo("inside the nested archive\n");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"TAR_GNU", "TAR_PAX"})
    void tarKeepsLongNamesAndSkipsLinksAndDirectories(Variant variant, @TempDir Path directory) throws IOException {
        String longName = "d".repeat(80) + "/" + "f".repeat(120) + ".txt";
        Files.createDirectories(directory.resolve(longName).getParent());
        Files.writeString(directory.resolve(longName), "long\n");
        Files.createSymbolicLink(directory.resolve("link"), Path.of(longName));
        Tools.shell(directory, variant.commandLine.replace(FILES, "d* link"));

        NamedEntries entries = unpack(FileType.TAR, Files.readAllBytes(directory.resolve("out")));

        assertThat(entries.entries()).containsOnlyKeys(longName);
    }

    @Test
    void v7TarIsToldFromOtherBinariesByItsHeaderChecksum(@TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, Variant.TAR_V7.commandLine);
        byte[] tar = Files.readAllBytes(directory.resolve("out"));
        byte[] damaged = tar.clone();
        damaged[150] ^= 1;

        assertThat(FileTypes.detect(Content.of(tar))).isEqualTo(FileType.TAR);
        assertThat(FileTypes.detect(Content.of(damaged))).isNotEqualTo(FileType.TAR);
        assertThat(FileTypes.detect(Content.of(Samples.random(4096, 7)))).isNotEqualTo(FileType.TAR);
        assertThat(FileTypes.detect(Content.of(new byte[4096]))).isNotEqualTo(FileType.TAR);
    }

    @Test
    void zipWithAnEmptyCentralDirectoryInFrontOfItsEntriesIsReadFromTheLocalHeaders(@TempDir Path directory)
            throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, "zip -q -X out.zip a.txt && mv out.zip out");
        byte[] zip = Files.readAllBytes(directory.resolve("out"));
        byte[] localEntry = withoutCentralDirectory(zip);
        byte[] emptyEnd = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] hidden = concat(localEntry, emptyEnd);

        NamedEntries entries = unpack(FileType.ZIP, hidden);

        assertThat(entries.entries()).containsOnlyKeys("a.txt");
        assertThat(entries.entries().get("a.txt")).isEqualTo(Samples.TEXT);
    }

    @ParameterizedTest(name = "in {0} it is {1}")
    @CsvSource({"report.7z, report", "REPORT.7Z, REPORT", "report.bin, data",
        "'', data"})
    void sevenZipEntryStoredWithoutANameIsNamedAfterTheArchive(String containerName, String expected,
                                                              @TempDir Path directory) throws IOException {
        Tools.shell(directory, "printf 'from standard input\\n' | 7z a -bd -si out.7z >/dev/null");
        Content archive = Content.of(Files.readAllBytes(directory.resolve("out.7z")));

        NamedEntries entries = new NamedEntries(containerName);
        unpackerFor(FileType.SEVEN_ZIP).unpack(archive, entries);

        assertThat(entries.entries()).containsOnlyKeys(expected);
        assertThat(new String(entries.entries().get(expected), StandardCharsets.UTF_8))
                .isEqualTo("from standard input\n");
    }

    @Test
    void zipEntryInXzIsDecodedWithTheCentralDirectoryAndReportedWithoutIt(@TempDir Path directory)
            throws IOException {
        Files.write(directory.resolve("a.txt"), Samples.TEXT);
        Tools.shell(directory, "xz -c a.txt > a.txt.xz");
        byte[] zip = zipWithRawEntry("a.txt", 95, Files.readAllBytes(directory.resolve("a.txt.xz")), Samples.TEXT);

        NamedEntries entries = unpack(FileType.ZIP, zip);
        Throwable withoutDirectory = catchThrowable(
                () -> unpack(FileType.ZIP, withoutCentralDirectory(zip)));

        assertThat(entries.entries()).containsOnlyKeys("a.txt");
        assertThat(entries.entries().get("a.txt")).isEqualTo(Samples.TEXT);
        assertThat(withoutDirectory).isInstanceOf(IOException.class)
                .hasMessage("damaged zip: 1 unreadable entry: "
                        + "'a.txt' (compression XZ (95) without a central directory)");
    }

    /** A zip of one entry whose compressed bytes were made elsewhere (by a tool the zip tool does not drive). */
    static byte[] zipWithRawEntry(String name, int method, byte[] compressed, byte[] original) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(original);
        ZipArchiveEntry entry =
                new ZipArchiveEntry(name);
        entry.setMethod(method);
        entry.setSize(original.length);
        entry.setCompressedSize(compressed.length);
        entry.setCrc(crc.getValue());
        SeekableInMemoryByteChannel channel =
                new SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream out =
                     new ZipArchiveOutputStream(channel)) {
            out.addRawArchiveEntry(entry, new ByteArrayInputStream(compressed));
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
    }

    private static NamedEntries unpack(FileType type, byte[] bytes) throws IOException {
        NamedEntries entries = new NamedEntries("out");
        unpackerFor(type).unpack(Content.of(bytes), entries);
        return entries;
    }

    static Unpacker unpackerFor(FileType type) {
        return Unpackers.standard().forType(type).orElseThrow(() -> new AssertionError("no unpacker for " + type));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** The local entries of a zip, without its central directory and end record. */
    static byte[] withoutCentralDirectory(byte[] zip) {
        int end = zip.length - 22;
        while (!(zip[end] == 'P' && zip[end + 1] == 'K' && zip[end + 2] == 5 && zip[end + 3] == 6)) {
            end--;
        }
        int offset = (zip[end + 16] & 0xff) | (zip[end + 17] & 0xff) << 8 | (zip[end + 18] & 0xff) << 16
                | (zip[end + 19] & 0xff) << 24;
        return Arrays.copyOf(zip, offset);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
