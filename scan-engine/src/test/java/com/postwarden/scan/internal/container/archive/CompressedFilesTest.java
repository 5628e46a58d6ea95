package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gzip, bzip2, xz and lzma files made by the real tools: one entry with the exact original bytes, named after
 * the name the file stores, else after the container's name without its suffix, else "data".
 */
class CompressedFilesTest {

    @ParameterizedTest(name = "{0} of payload.tar as {2} gives {3}")
    @CsvSource({
        // tool command (payload.tar -> file 'out'), type, container name, expected entry name
        "gzip -c payload.tar > out,                   GZIP,  mail-attachment.bin, payload.tar",
        "gzip -n -c payload.tar > out,                GZIP,  report.tar.gz,       report.tar",
        "gzip -n -c payload.tar > out,                GZIP,  report.tgz,          report.tar",
        "gzip -n -c payload.tar > out,                GZIP,  report.bin,          data",
        "gzip -n -c payload.tar > out,                GZIP,  '',                  data",
        "bzip2 -c payload.tar > out,                  BZIP2, report.tar.bz2,      report.tar",
        "bzip2 -c payload.tar > out,                  BZIP2, report.tbz2,         report.tar",
        "bzip2 -c payload.tar > out,                  BZIP2, '',                  data",
        "xz -c payload.tar > out,                     XZ,    report.tar.xz,       report.tar",
        "xz -c payload.tar > out,                     XZ,    report.txz,          report.tar",
        "xz -9e -c payload.tar > out,                 XZ,    '',                  data",
        "xz --format=lzma -c payload.tar > out,       LZMA,  report.tar.lzma,     report.tar",
        "xz --format=lzma -9 -c payload.tar > out,    LZMA,  '',                  data",
    })
    void compressedFileYieldsTheOriginalBytesUnderTheBestNameKnown(String commandLine, FileType type,
                                                                   String containerName, String expectedName,
                                                                   @TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, "tar -cf payload.tar a.txt dir nested.zip");
        Tools.shell(directory, commandLine);
        Content compressed = Content.of(Files.readAllBytes(directory.resolve("out")));

        FileType detected = FileTypes.detect(compressed);
        NamedEntries entries = new NamedEntries(containerName);
        ArchiveFormatsTest.unpackerFor(detected).unpack(compressed, entries);

        assertThat(detected).isEqualTo(type);
        assertThat(entries.entries()).containsOnlyKeys(expectedName);
        assertThat(Samples.digest(entries.entries().get(expectedName)))
                .isEqualTo(Samples.digest(Files.readAllBytes(directory.resolve("payload.tar"))));
    }

    @ParameterizedTest
    @CsvSource({"gzip, GZIP", "bzip2, BZIP2", "xz, XZ"})
    void concatenatedMembersMakeOneEntryAsTheToolsDecodeThem(String tool, FileType type, @TempDir Path directory)
            throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, tool + " -c a.txt > out && " + tool + " -c dir/b.bin >> out");

        NamedEntries entries = new NamedEntries("");
        ArchiveFormatsTest.unpackerFor(type).unpack(Content.of(Files.readAllBytes(directory.resolve("out"))), entries);

        assertThat(entries.entries()).hasSize(1);
        assertThat(Samples.digest(entries.entries().values().iterator().next()))
                .isEqualTo(Samples.digest(ArchiveFormatsTest.concat(Samples.TEXT, Samples.BINARY)));
    }

    @Test
    void gzippedTarUnpacksToTheTarThenItsFiles(@TempDir Path directory) throws IOException {
        Samples.writePayload(directory);
        Tools.shell(directory, "tar -czf out.tgz a.txt dir nested.zip");

        assertThat(Extraction.leaves("out.tgz", Files.readAllBytes(directory.resolve("out.tgz"))))
                .containsOnlyKeys("out.tgz!out.tar!a.txt", "out.tgz!out.tar!dir/b.bin",
                        "out.tgz!out.tar!nested.zip!inner.txt");
    }
}
