package com.postwarden.scan.internal.container.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.cabinet.Samples.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChmUnpackerTest {
    private static final byte[] PAGE = "<html><body>help</body></html>".getBytes(StandardCharsets.US_ASCII);

    private final ChmUnpacker unpacker = new ChmUnpacker();

    @TempDir
    Path directory;

    @Test
    void clamavTestHelpFileYieldsClamExe() throws IOException {
        Unpacking result = Unpacking.of(unpacker, Files.readAllBytes(Tools.clamavTestFile("clam.chm")));

        result.assertComplete();
        assertThat(SampleFiles.md5(result.entries().get("/clam.exe.txt"))).isEqualTo(SampleFiles.CLAM_EXE_MD5);
    }

    static Stream<Arguments> helpFiles() {
        return Stream.of(Arguments.of("clam.chm (Microsoft's compiler)", true),
                Arguments.of("chmcmd, several files over many LZX resets", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("helpFiles")
    void everyFileComesOutAsChmlsExtractsIt(String description, boolean clamav) throws IOException {
        Path chm = clamav ? Tools.clamavTestFile("clam.chm") : directory.resolve("out.chm");
        if (!clamav) {
            Samples.chm(directory, SampleFiles.large());
        }

        Unpacking result = Unpacking.of(unpacker, Files.readAllBytes(chm)).assertComplete();

        Map<String, byte[]> nonEmpty = new LinkedHashMap<>(result.entries());
        nonEmpty.values().removeIf(bytes -> bytes.length == 0);
        assertThat(Unpacking.digests(nonEmpty))
                .containsExactlyInAnyOrderEntriesOf(Unpacking.digests(Samples.extractedByChmls(directory, chm)));
        assertThat(result.entries().keySet()).allMatch(name -> name.startsWith("/"));
    }

    @Test
    void sampleFilesKeepTheirPathsAndBytes() throws IOException {
        Sample sample = Samples.chm(directory, SampleFiles.large());

        Unpacking result = Unpacking.of(unpacker, sample.bytes()).assertComplete();

        Map<String, byte[]> samples = new LinkedHashMap<>(result.entries());
        samples.keySet().retainAll(sample.expected().keySet());
        assertThat(Unpacking.digests(samples))
                .containsExactlyInAnyOrderEntriesOf(Unpacking.digests(sample.expected()));
        assertThat(result.entries())
                .doesNotContainKeys(ChmCompressedSection.CONTENT, ChmCompressedSection.CONTROL_DATA);
    }

    @Test
    void storedFilesOfAHelpFileWithoutCompressedSectionComeOut() {
        byte[] chm = new ChmBuilder().entry("/", 0, 0, 0).stored("/index.html", PAGE).stored("/#SYSTEM", new byte[4])
                .build();

        Unpacking.of(unpacker, chm).assertComplete()
                .assertEntries(CabUnpackerTest.ordered("/index.html", PAGE, "/#SYSTEM", new byte[4]));
    }

    @Test
    void unpackingStopsAsSoonAsTheScanSaysSo() throws IOException {
        Sample sample = Samples.chm(directory, SampleFiles.small());

        Unpacking result = Unpacking.of(unpacker, sample.bytes(), new RecordingEntries(1));

        result.assertComplete();
        assertThat(result.entries()).hasSize(1);
    }

    @Test
    void fileBeyondTheCompressedSectionFailsAfterTheStoredFiles() {
        byte[] chm = new ChmBuilder().stored("/index.html", PAGE)
                .lzxSection(new byte[16], 16, 2, 100).entry("/far.bin", 1, 50, 1000).build();

        Unpacking result = Unpacking.of(unpacker, chm);

        result.assertEntries(CabUnpackerTest.ordered("/index.html", PAGE));
        assertThat(result.failure()).hasMessageContaining("/far.bin").hasMessageContaining("beyond");
    }

    @Test
    void lengthsClaimingExabytesFailWithoutAllocatingThem() {
        byte[] chm = new ChmBuilder().stored("/index.html", PAGE)
                .entry("/huge-stored.bin", 0, 0, 1L << 60)
                .lzxSection(new byte[64], 16, 2, 1L << 60).entry("/huge.bin", 1, 0, 1L << 59).build();

        Unpacking result = Unpacking.of(unpacker, chm);

        result.assertEntries(CabUnpackerTest.ordered("/index.html", PAGE));
        assertThat(result.failure()).hasMessageContaining("huge-stored.bin");
        assertThat(result.allocatedBytes()).isLessThan(16L << 20);
    }

    @Test
    void compressedFileWithoutTheSectionsStorageFilesFails() {
        byte[] chm = new ChmBuilder().stored("/index.html", PAGE).entry("/packed.html", 1, 0, 10).build();

        assertThat(Unpacking.of(unpacker, chm).failure()).hasMessageContaining("lacks")
                .hasMessageContaining("compressed section");
    }

    @Test
    void unknownLzxWindowFails() {
        byte[] chm = new ChmBuilder().lzxSection(new byte[16], 23, 2, 10).entry("/packed.html", 1, 0, 10).build();

        assertThat(Unpacking.of(unpacker, chm).failure()).hasMessageContaining("window");
    }

    @Test
    void notAHelpFileFails() {
        assertThat(Unpacking.of(unpacker, new byte[0x60]).failure()).hasMessageContaining("ITSF");
    }
}
