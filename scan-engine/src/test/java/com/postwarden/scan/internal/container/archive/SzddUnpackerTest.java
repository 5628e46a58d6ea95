package com.postwarden.scan.internal.container.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SZDD files made by {@code mscompress} (Debian package mscompress, compatible with COMPRESS.EXE). */
class SzddUnpackerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "random", "repetitive", "empty", "window-sized"})
    void fileCompressedByMscompressExpandsToTheOriginalBytes(String kind, @TempDir Path directory) throws IOException {
        byte[] original = original(kind);
        Files.write(directory.resolve("original.dat"), original);
        Tools.run(directory, "mscompress", "original.dat");
        byte[] szdd = Files.readAllBytes(directory.resolve("original.dat_"));

        NamedEntries entries = new NamedEntries("original.dat_");
        ArchiveFormatsTest.unpackerFor(FileTypes.detect(Content.of(szdd))).unpack(Content.of(szdd), entries);

        assertThat(FileTypes.detect(Content.of(szdd))).isEqualTo(FileType.SZDD);
        assertThat(entries.entries()).containsOnlyKeys("original.dat");
        assertThat(Samples.digest(entries.entries().get("original.dat"))).isEqualTo(Samples.digest(original));
    }

    @ParameterizedTest(name = "{0} with last character ''{1}'' gives {2}")
    @CsvSource({
        "setup.ex_,    e, setup.exe",
        "SETUP.EX_,    E, SETUP.EXE",
        "original.dat_, '', original.dat",
        "clam.exe.szdd, e, data",
        "'',           e, data",
        "_,            e, data",
    })
    void entryIsNamedAfterTheContainerWithItsLastCharacterRestored(String containerName, String last,
                                                                 String expected) {
        char lastCharacter = last == null || last.isEmpty() ? 0 : last.charAt(0);

        assertThat(SzddUnpacker.entryName(containerName, lastCharacter)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "cut at {0} bytes, or the middle for 0")
    @ValueSource(ints = {14, 15, 100, 0})
    void truncatedFileYieldsTheBytesBeforeTheCutThenFails(int length, @TempDir Path directory) throws IOException {
        byte[] original = original("text");
        Files.write(directory.resolve("t.txt"), original);
        Tools.run(directory, "mscompress", "t.txt");
        byte[] whole = Files.readAllBytes(directory.resolve("t.txt_"));
        byte[] cut = Arrays.copyOf(whole, length == 0 ? whole.length / 2 : length);

        PartialEntries entries = new PartialEntries("t.txt_");
        assertThatThrownBy(() -> new SzddUnpacker().unpack(Content.of(cut), entries))
                .isInstanceOf(IOException.class)
                .hasMessageMatching("damaged SZDD: compressed data ends after \\d+ of the " + original.length
                        + " bytes the header declares");

        assertThat(DamagedArchivesTest.isPrefix(entries.entries().get("t.txt"), original)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "header cut short,     U1pERIjwJzNB,             'damaged SZDD: header cut short at 9 bytes'",
        "unknown mode,         U1pERIjwJzNCAAEAAAA=,     'damaged SZDD: unknown compression mode 0x42'",
        "not SZDD at all,      S1dBSojwJzNBAAEAAAA=,     'damaged SZDD: no SZDD signature'",
    })
    void malformedHeaderIsReportedAsDamage(String description, String base64, String message) {
        byte[] input = Base64.getDecoder().decode(base64);

        assertThatThrownBy(() -> new SzddUnpacker().unpack(Content.of(input), new PartialEntries("x_")))
                .isInstanceOf(IOException.class).hasMessage(message);
    }

    private static byte[] original(String kind) {
        switch (kind) {
            case "text":
                return "The quick brown fox jumps over the lazy dog. ".repeat(300).getBytes(StandardCharsets.US_ASCII);
            case "random":
                return Samples.random(50_000, 3);
            case "repetitive":
                return new byte[70_000];
            case "empty":
                return new byte[0];
            case "window-sized":
                byte[] mixed = new byte[4096 * 5 + 17];
                for (int i = 0; i < mixed.length; i++) {
                    mixed[i] = (byte) (i % 4099 < 2000 ? i % 7 : (i * 31) >>> 3);
                }
                return mixed;
            default:
                throw new IllegalArgumentException(kind);
        }
    }
}
