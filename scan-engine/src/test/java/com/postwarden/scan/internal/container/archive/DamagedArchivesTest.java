package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A damaged container yields the entries before the damage, then an IOException that names the format; never
 * an unchecked exception, never a hang.
 */
class DamagedArchivesTest {
    static final byte[] FIRST = Samples.TEXT;
    static final byte[] SECOND = Samples.random(64 * 1024, 7);

    /** Archives of {@code first.txt} then {@code second.bin} (64 KiB, incompressible), built as {@code out}. */
    enum TwoEntries {
        ZIP(FileType.ZIP, "zip", "zip -q -X out.zip first.txt second.bin && mv out.zip out", true),
        ZIP_STORED(FileType.ZIP, "zip", "zip -q -0 -X out.zip first.txt second.bin && mv out.zip out", true),
        ZIP_DATA_DESCRIPTORS(FileType.ZIP, "zip", "zip -q -X - first.txt second.bin > out", true),
        TAR_USTAR(FileType.TAR, "tar", "tar --format=ustar -cf out first.txt second.bin", true),
        TAR_PAX(FileType.TAR, "tar", "tar --format=pax -cf out first.txt second.bin", true),
        TAR_V7(FileType.TAR, "tar", "tar --format=v7 -cf out first.txt second.bin", true),
        CPIO_ODC(FileType.CPIO, "cpio", cpio("odc"), true),
        CPIO_NEWC(FileType.CPIO, "cpio", cpio("newc"), true),
        CPIO_CRC(FileType.CPIO, "cpio", cpio("crc"), true),
        CPIO_BINARY(FileType.CPIO, "cpio", cpio("bin"), true),
        SEVEN_ZIP(FileType.SEVEN_ZIP, "7z", "7z a -bd -t7z out.7z first.txt second.bin >/dev/null && mv out.7z out",
                false),
        GZIP(FileType.GZIP, "gzip", "cat first.txt second.bin | gzip -c > out", false),
        BZIP2(FileType.BZIP2, "bzip2", "cat first.txt second.bin | bzip2 -c > out", false),
        XZ(FileType.XZ, "xz", "cat first.txt second.bin | xz -c > out", false),
        LZMA(FileType.LZMA, "lzma", "cat first.txt second.bin | xz --format=lzma -c > out", false),
        SZDD(FileType.SZDD, "SZDD", "cat first.txt second.bin > joined && mscompress joined && mv joined_ out", false);

        final FileType type;
        final String format;
        final String commandLine;
        final boolean separateEntries;

        TwoEntries(FileType type, String format, String commandLine, boolean separateEntries) {
            this.type = type;
            this.format = format;
            this.commandLine = commandLine;
            this.separateEntries = separateEntries;
        }

        private static String cpio(String format) {
            return "printf 'first.txt\\nsecond.bin\\n' | cpio --quiet -o -H " + format + " > out";
        }

        byte[] build(Path directory) throws IOException {
            Files.write(directory.resolve("first.txt"), FIRST);
            Files.write(directory.resolve("second.bin"), SECOND);
            Tools.shell(directory, commandLine);
            return Files.readAllBytes(directory.resolve("out"));
        }
    }

    @ParameterizedTest
    @EnumSource(TwoEntries.class)
    void archiveCutInTheMiddleHandsOverWhatPrecedesTheCutThenFails(TwoEntries variant, @TempDir Path directory)
            throws IOException {
        byte[] whole = variant.build(directory);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        PartialEntries entries = new PartialEntries("out");
        Throwable thrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(variant.type)
                .unpack(Content.of(cut), entries));

        assertThat(thrown).isInstanceOf(IOException.class).hasMessageStartingWith("damaged " + variant.format);
        if (variant.separateEntries) {
            assertThat(entries.entries()).containsOnlyKeys("first.txt", "second.bin");
            assertThat(entries.entries().get("first.txt")).isEqualTo(FIRST);
            assertThat(entries.failed()).isEqualTo("second.bin");
            assertThat(isPrefix(entries.entries().get("second.bin"), SECOND)).isTrue();
        } else if (variant == TwoEntries.SEVEN_ZIP) {
            // the header, at the end, is gone: nothing is known of the entries
            assertThat(entries.entries()).isEmpty();
        } else {
            // one entry, streamed up to the damage (bzip2 decodes a whole block before it yields anything)
            byte[] original = ArchiveFormatsTest.concat(FIRST, SECOND);
            assertThat(entries.entries()).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy((name, partial) -> assertThat(isPrefix(partial, original))
                            .as("%d bytes read are the start of the original", partial.length).isTrue());
        }
    }

    static boolean isPrefix(byte[] prefix, byte[] whole) {
        return prefix.length <= whole.length && Arrays.equals(prefix, Arrays.copyOf(whole, prefix.length));
    }

    @ParameterizedTest
    @EnumSource(TwoEntries.class)
    void garbageBehindTheMagicGivesAnIOExceptionOrNothing(TwoEntries variant, @TempDir Path directory)
            throws IOException {
        byte[] whole = variant.build(directory);
        for (int seed = 0; seed < 20; seed++) {
            byte[] garbled = whole.clone();
            byte[] noise = Samples.random(garbled.length, seed);
            int keep = Math.min(16, garbled.length);
            System.arraycopy(noise, keep, garbled, keep, garbled.length - keep);

            Throwable thrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(variant.type)
                    .unpack(Content.of(garbled), new PartialEntries("out")));

            if (thrown != null) {
                assertThat(thrown).as("seed %d", seed).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void zipEntriesInMethodsNoReaderDecodesAreReportedAfterTheReadableOnes(@TempDir Path directory)
            throws IOException {
        Files.write(directory.resolve("first.txt"), FIRST);
        Files.write(directory.resolve("second.txt"), FIRST);
        Files.write(directory.resolve("third.txt"), FIRST);
        Tools.shell(directory, "7z a -bd -tzip -mm=PPMd out.zip second.txt >/dev/null"
                + " && 7z a -bd -tzip -mm=LZMA out.zip third.txt >/dev/null"
                + " && zip -q -X out.zip first.txt && mv out.zip out");

        PartialEntries entries = new PartialEntries("out");
        Throwable thrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(FileType.ZIP)
                .unpack(Content.of(Files.readAllBytes(directory.resolve("out"))), entries));

        assertThat(entries.entries()).containsOnlyKeys("first.txt");
        assertThat(thrown).isInstanceOf(IOException.class).hasMessageStartingWith("damaged zip: 2 unreadable entries")
                .hasMessageContaining("'second.txt' (compression PPMD (98))")
                .hasMessageContaining("'third.txt' (compression LZMA (14))");
    }

    @Test
    void zipEntryInZstandardIsReportedWithOrWithoutCentralDirectoryAndNeverDecoded() throws IOException {
        byte[] withDirectory = ArchiveFormatsTest.zipWithRawEntry("z.bin", 93, new byte[] {1, 2, 3}, FIRST);
        byte[] withoutDirectory = ArchiveFormatsTest.withoutCentralDirectory(withDirectory);

        Throwable withoutDirectoryThrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(FileType.ZIP)
                .unpack(Content.of(withoutDirectory), new PartialEntries("out")));
        Throwable withDirectoryThrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(FileType.ZIP)
                .unpack(Content.of(withDirectory), new PartialEntries("out")));

        assertThat(withoutDirectoryThrown).isInstanceOf(IOException.class).hasMessageStartingWith("damaged zip");
        assertThat(withDirectoryThrown).isInstanceOf(IOException.class)
                .hasMessage("damaged zip: 1 unreadable entry: 'z.bin' (compression ZSTD (93))");
    }

    @Test
    void sevenZipInAMethodCommonsCompressLacksFailsNamingTheMethod(@TempDir Path directory) throws IOException {
        Files.write(directory.resolve("first.txt"), FIRST);
        Tools.shell(directory, "7z a -bd -t7z -m0=PPMd out.7z first.txt >/dev/null && mv out.7z out");

        Throwable thrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(FileType.SEVEN_ZIP)
                .unpack(Content.of(Files.readAllBytes(directory.resolve("out"))), new PartialEntries("out")));

        assertThat(thrown).isInstanceOf(IOException.class).hasMessageStartingWith("damaged 7z")
                .hasMessageContaining("[3, 4, 1]");
    }

    @Test
    void zipCutRightAfterAStoredNestedZipIsReadFromTheStartNotAsTheNestedOne(@TempDir Path directory)
            throws IOException {
        Map<String, byte[]> payload = Samples.writePayload(directory);
        Tools.shell(directory, "zip -q -X out.zip a.txt && zip -q -0 -X out.zip nested.zip && mv out.zip out");
        byte[] cut = ArchiveFormatsTest.withoutCentralDirectory(Files.readAllBytes(directory.resolve("out")));

        PartialEntries entries = new PartialEntries("out");
        ArchiveFormatsTest.unpackerFor(FileType.ZIP).unpack(Content.of(cut), entries);

        assertThat(entries.entries()).containsOnlyKeys("a.txt", "nested.zip");
        assertThat(entries.entries().get("nested.zip")).isEqualTo(payload.get("nested.zip"));
    }

    @Test
    void emptyAndTinyInputsOfEveryFormatFailCleanly() {
        for (FileType type : List.of(FileType.ZIP, FileType.SEVEN_ZIP, FileType.TAR, FileType.CPIO, FileType.GZIP,
                FileType.BZIP2, FileType.XZ, FileType.LZMA, FileType.SZDD)) {
            for (byte[] input : List.of(new byte[0], new byte[] {'P', 'K', 3, 4}, new byte[1])) {
                Throwable thrown = catchThrowable(() -> ArchiveFormatsTest.unpackerFor(type)
                        .unpack(Content.of(input), new PartialEntries("out")));
                if (thrown != null) {
                    assertThat(thrown).as("%s of %d bytes", type, input.length).isInstanceOf(IOException.class);
                }
            }
        }
    }
}
