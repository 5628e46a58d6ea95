package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encrypted entries are reported by name with their format, never read and never mistaken for damage. */
class EncryptedArchivesTest {
    private static final String FILES = "a.txt dir nested.zip";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zip -e (traditional PKWARE) | ZIP       | zip -q -r -X -P secret out.zip " + FILES
                + " && mv out.zip out | Zip",
        "zip with AES-256            | ZIP       | 7z a -bd -tzip -mem=AES256 -psecret out.zip " + FILES
                + " >/dev/null && mv out.zip out | Zip",
        "7z with a plain header      | SEVEN_ZIP | 7z a -bd -t7z -psecret out.7z " + FILES
                + " >/dev/null && mv out.7z out | 7z",
    })
    void everyEncryptedEntryIsReportedByNameAndNoneIsRead(String description, FileType type, String commandLine,
                                                          String format, @TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, commandLine);

        NamedEntries entries = unpack(type, directory.resolve("out"));

        assertThat(entries.entries()).isEmpty();
        assertThat(entries.encrypted()).containsExactlyInAnyOrder("a.txt (" + format + ")",
                "dir/b.bin (" + format + ")", "nested.zip (" + format + ")");
    }

    @Test
    void sevenZipWithAnEncryptedHeaderIsReportedOnceForTheArchive(@TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, "7z a -bd -t7z -psecret -mhe=on out.7z " + FILES + " >/dev/null && mv out.7z out");

        NamedEntries entries = unpack(FileType.SEVEN_ZIP, directory.resolve("out"));

        assertThat(entries.entries()).isEmpty();
        assertThat(entries.encrypted()).containsExactly(SevenZipUnpacker.ENCRYPTED_HEADER + " (7z)");
    }

    @Test
    void zipMixingEncryptedAndPlainEntriesHandsOverThePlainOnes(@TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, "zip -q -X -P secret out.zip dir/b.bin && zip -q -X out.zip a.txt && mv out.zip out");

        NamedEntries entries = unpack(FileType.ZIP, directory.resolve("out"));

        assertThat(entries.encrypted()).containsExactly("dir/b.bin (Zip)");
        assertThat(entries.entries()).containsOnlyKeys("a.txt");
        assertThat(entries.entries().get("a.txt")).isEqualTo(Samples.TEXT);
    }

    @Test
    void encryptedZipEntryWithoutCentralDirectoryIsReportedThenEndsTheReadingAsItsSizeIsUnknown(
            @TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, "zip -q -X -P secret out.zip a.txt && zip -q -X out.zip nested.zip && mv out.zip out");
        byte[] zip = Files.readAllBytes(directory.resolve("out"));
        byte[] withoutDirectory = ArchiveFormatsTest.withoutCentralDirectory(zip);

        NamedEntries entries = new NamedEntries("out");
        assertThatThrownBy(() -> ArchiveFormatsTest.unpackerFor(FileType.ZIP)
                        .unpack(Content.of(withoutDirectory), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged zip").hasMessageContaining("encryption");

        assertThat(entries.encrypted()).containsExactly("a.txt (Zip)");
        assertThat(entries.entries()).isEmpty();
    }

    private static NamedEntries unpack(FileType type, Path file) throws IOException {
        NamedEntries entries = new NamedEntries(file.getFileName().toString());
        ArchiveFormatsTest.unpackerFor(type).unpack(Content.of(Files.readAllBytes(file)), entries);
        return entries;
    }
}
