package com.postwarden.scan.internal.container.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.cabinet.Samples.Sample;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArjUnpackerTest {
    private final ArjUnpacker unpacker = new ArjUnpacker();

    @TempDir
    Path directory;

    @Test
    void clamavTestArchiveYieldsClamExe() throws IOException {
        Unpacking result = Unpacking.of(unpacker, Files.readAllBytes(Tools.clamavTestFile("clam.arj")));

        result.assertComplete();
        assertThat(result.entries()).containsOnlyKeys("clam.exe");
        assertThat(SampleFiles.md5(result.entries().get("clam.exe"))).isEqualTo(SampleFiles.CLAM_EXE_MD5);
    }

    @ParameterizedTest(name = "arj -m{0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void everyFileComesOutWithItsNameAndBytes(int method) throws IOException {
        Sample sample = Samples.arj(directory, method);

        Unpacking.of(unpacker, sample.bytes()).assertComplete().assertEntries(sample.expected());
    }

    @Test
    void garbledEntriesAreReportedAsEncryptedByName() throws IOException {
        Sample sample = Samples.arj(directory, 1, "-gsecret");

        Unpacking result = Unpacking.of(unpacker, sample.bytes());

        result.assertComplete();
        assertThat(result.entries()).isEmpty();
        assertThat(result.recording().encrypted()).containsExactlyElementsOf(
                sample.expected().keySet().stream().map(name -> name + " (ARJ)").toList());
    }

    @Test
    void entrySpanningVolumesIsReported() throws IOException {
        SampleFiles.write(directory, SampleFiles.large());
        Tools.run(directory, "arj", "a", "-m1", "-y", "-v20k", "out.arj", "data/random.bin");

        List<Unpacking> volumes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path volume : files.filter(file -> file.getFileName().toString().startsWith("out.")).toList()) {
                volumes.add(Unpacking.of(unpacker, Files.readAllBytes(volume)));
            }
        }

        assertThat(volumes).hasSizeGreaterThan(1).allSatisfy(volume ->
                assertThat(volume.failure()).hasMessageContaining("random.bin").hasMessageContaining("spans volumes"));
    }

    @Test
    void corruptedDataFailsItsCrcCheck() throws IOException {
        Sample sample = Samples.arj(directory, 0);
        byte[] archive = sample.bytes();
        int readme = indexOf(archive, "Quarterly".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        archive[readme] ^= 0x20;

        Unpacking result = Unpacking.of(unpacker, archive);

        assertThat(result.failure()).hasMessageContaining("readme.txt").hasMessageContaining("CRC");
    }

    @Test
    void unpackingStopsAsSoonAsTheScanSaysSo() throws IOException {
        Sample sample = Samples.arj(directory, 4);

        Unpacking result = Unpacking.of(unpacker, sample.bytes(), new RecordingEntries(2));

        result.assertComplete();
        assertThat(result.entries()).containsOnlyKeys("readme.txt", "clam.exe");
    }

    @Test
    void sizesClaimingGigabytesFailWithoutAllocatingThem() throws IOException {
        Sample sample = Samples.arj(directory, 1);
        byte[] archive = sample.bytes();
        int firstEntry = 4 + (archive[2] & 0xff | (archive[3] & 0xff) << 8) + 4 + 2;
        ByteBuffer header = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(firstEntry + 4 + 16, -1);

        Unpacking result = Unpacking.of(unpacker, archive);

        assertThat(result.failure()).hasMessageContaining("readme.txt");
        assertThat(result.allocatedBytes()).isLessThan(16L << 20);
    }

    @Test
    void notAnArjArchiveFails() {
        assertThat(Unpacking.of(unpacker, new byte[] {0x60, (byte) 0xea, 0, 0}).failure())
                .hasMessageContaining("not an ARJ archive");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
