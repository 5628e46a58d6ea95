package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** When {@code Entries} answers "stop", the unpacker returns at once and reads no further entry. */
class EarlyStopTest {

    @ParameterizedTest
    @EnumSource(value = DamagedArchivesTest.TwoEntries.class,
            names = {"ZIP", "ZIP_DATA_DESCRIPTORS", "TAR_USTAR", "TAR_PAX", "CPIO_NEWC", "CPIO_BINARY", "SEVEN_ZIP"})
    void noEntryIsReadAfterEntriesSaysStop(DamagedArchivesTest.TwoEntries variant, @TempDir Path directory)
            throws IOException {
        byte[] archive = variant.build(directory);

        PartialEntries entries = new PartialEntries("out", 1);
        ArchiveFormatsTest.unpackerFor(variant.type).unpack(Content.of(archive), entries);

        assertThat(entries.calls()).hasSize(1);
        assertThat(entries.entries().values().iterator().next()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DamagedArchivesTest.TwoEntries.class,
            names = {"ZIP", "ZIP_STORED", "TAR_USTAR", "TAR_V7", "CPIO_ODC", "CPIO_CRC"})
    void damageAfterTheStopIsNeverReached(DamagedArchivesTest.TwoEntries variant, @TempDir Path directory)
            throws IOException {
        byte[] archive = variant.build(directory);
        byte[] cutInSecondEntry = Arrays.copyOf(archive, archive.length / 2);

        PartialEntries entries = new PartialEntries("out", 1);
        ArchiveFormatsTest.unpackerFor(variant.type).unpack(Content.of(cutInSecondEntry), entries);

        assertThat(entries.calls()).containsExactly("add first.txt");
        assertThat(entries.entries().get("first.txt")).isEqualTo(DamagedArchivesTest.FIRST);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zip -e | ZIP       | zip -q -X -P secret out.zip a.txt dir/b.bin nested.zip && mv out.zip out",
        "7z -p  | SEVEN_ZIP | 7z a -bd -t7z -psecret out.7z a.txt dir/b.bin nested.zip >/dev/null && mv out.7z out",
    })
    void reportingAnEncryptedEntryCanStopTheUnpackerToo(String description, FileType type, String commandLine,
                                                       @TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, commandLine);

        PartialEntries entries = new PartialEntries("out", 1);
        ArchiveFormatsTest.unpackerFor(type).unpack(Content.of(Samples.read(directory.resolve("out"))), entries);

        assertThat(entries.calls()).hasSize(1).allSatisfy(call -> assertThat(call).startsWith("encrypted "));
    }
}
