package com.postwarden.scan.internal.container.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.cabinet.Samples.CabMethod;
import com.postwarden.scan.internal.container.cabinet.Samples.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CabUnpackerTest {
    private static final byte[] ALPHA = "alpha alpha alpha\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BETA = "beta\n".getBytes(StandardCharsets.US_ASCII);

    private final CabUnpacker unpacker = new CabUnpacker();

    @TempDir
    Path directory;

    @Test
    void clamavTestCabinetYieldsClamExe() throws IOException {
        Unpacking result = Unpacking.of(unpacker, Files.readAllBytes(Tools.clamavTestFile("clam.cab")));

        result.assertComplete();
        assertThat(result.entries()).containsOnlyKeys("clam.exe");
        assertThat(SampleFiles.md5(result.entries().get("clam.exe"))).isEqualTo(SampleFiles.CLAM_EXE_MD5);
    }

    @ParameterizedTest
    @EnumSource(CabMethod.class)
    void everyFileComesOutWithItsNameAndBytes(CabMethod method) throws IOException {
        Sample sample = Samples.cabinet(directory, method);

        Unpacking.of(unpacker, sample.bytes()).assertComplete().assertEntries(sample.expected());
    }

    @Test
    void mszipBlockMayReferToTheDataOfThePreviousBlock() {
        byte[] first = "the quick brown fox jumps over the lazy dog. ".repeat(20).getBytes(StandardCharsets.US_ASCII);
        byte[] second = "the quick brown fox jumps over the lazy dog!".getBytes(StandardCharsets.US_ASCII);
        byte[] cab = new CabBuilder().folder(1)
                .block(mszip(first, null), first.length)
                .block(mszip(second, first), second.length)
                .file("first.txt", first.length, 0, 0)
                .file("second.txt", second.length, first.length, 0)
                .build();

        Unpacking.of(unpacker, cab).assertComplete()
                .assertEntries(Map.of("first.txt", first, "second.txt", second).entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .collect(LinkedHashMap::new, (map, e) -> map.put(e.getKey(), e.getValue()), Map::putAll));
    }

    @Test
    void reservedAreasAndTheNamesOfNeighbouringCabinetsAreSkipped() {
        byte[] cab = new CabBuilder().reserve(20, 3, 5).neighbours("part1.cab", "part3.cab")
                .folder(0).block(ALPHA, ALPHA.length)
                .folder(0).block(BETA, BETA.length)
                .file("alpha.txt", ALPHA.length, 0, 0)
                .file("beta.txt", BETA.length, 0, 1)
                .build();

        Unpacking.of(unpacker, cab).assertComplete().assertEntries(ordered("alpha.txt", ALPHA, "beta.txt", BETA));
    }

    @Test
    void filesSharingBytesOfTheirFolderBothComeOut() {
        byte[] data = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        byte[] cab = new CabBuilder().folder(0).block(data, data.length)
                .file("late.txt", 10, 10, 0)
                .file("whole.txt", 20, 0, 0)
                .file("middle.txt", 10, 5, 0)
                .build();

        Unpacking.of(unpacker, cab).assertComplete().assertEntries(ordered(
                "whole.txt", data, "middle.txt", Arrays.copyOfRange(data, 5, 15),
                "late.txt", Arrays.copyOfRange(data, 10, 20)));
    }

    @Test
    void quantumFolderIsReportedAsUnsupportedAfterTheReadableFolders() {
        byte[] cab = new CabBuilder()
                .folder(CabBuilder.QUANTUM | 7 << 8).block(new byte[] {1, 2, 3}, 10)
                .folder(0).block(ALPHA, ALPHA.length)
                .file("quantum.bin", 10, 0, 0)
                .file("alpha.txt", ALPHA.length, 0, 1)
                .build();

        Unpacking result = Unpacking.of(unpacker, cab);

        result.assertEntries(ordered("alpha.txt", ALPHA));
        assertThat(result.failure()).hasMessageContaining("Quantum").hasMessageContaining("not supported");
    }

    @Test
    void fileSpanningCabinetsIsReportedAfterTheReadableFiles() {
        byte[] cab = new CabBuilder().folder(0).block(ALPHA, ALPHA.length)
                .file("alpha.txt", ALPHA.length, 0, 0)
                .file("continued.bin", 1000, 0, CabFile.CONTINUED_TO_NEXT)
                .build();

        Unpacking result = Unpacking.of(unpacker, cab);

        result.assertEntries(ordered("alpha.txt", ALPHA));
        assertThat(result.failure()).hasMessageContaining("continued.bin").hasMessageContaining("spans cabinets");
    }

    @Test
    void folderContinuedFromAPreviousCabinetIsNotDecodedFromTheMiddle() {
        byte[] cab = new CabBuilder().folder(1).block(new byte[] {'C', 'K', 0x0b}, 5000)
                .folder(0).block(BETA, BETA.length)
                .file("tail-of-previous.bin", 100, 0, CabFile.CONTINUED_FROM_PREV)
                .file("also-in-folder-0.bin", 10, 100, 0)
                .file("beta.txt", BETA.length, 0, 1)
                .build();

        Unpacking result = Unpacking.of(unpacker, cab);

        result.assertEntries(ordered("beta.txt", BETA));
        assertThat(result.failure()).hasMessageContaining("spans cabinets");
    }

    @Test
    void unpackingStopsAsSoonAsTheScanSaysSo() throws IOException {
        Sample sample = Samples.cabinet(directory, CabMethod.MSZIP);

        Unpacking result = Unpacking.of(unpacker, sample.bytes(), new RecordingEntries(1));

        result.assertComplete();
        assertThat(result.entries()).containsOnlyKeys("readme.txt");
    }

    @Test
    void sizesClaimingGigabytesFailWithoutAllocatingThem() {
        byte[] cab = new CabBuilder().folder(0).block(ALPHA, ALPHA.length)
                .file("huge.bin", 0xffff_ffffL, 0, 0)
                .file("far.bin", 10, 0xfff0_0000L, 0)
                .build();

        Unpacking result = Unpacking.of(unpacker, cab);

        assertThat(result.failure()).hasMessageContaining("huge.bin");
        assertThat(result.allocatedBytes()).isLessThan(16L << 20);
    }

    @Test
    void headerCountingMoreRecordsThanTheFileHoldsFails() {
        byte[] cab = new CabBuilder().folder(0).block(ALPHA, ALPHA.length).file("alpha.txt", 5, 0, 0).build();
        cab[26] = (byte) 0xff;
        cab[27] = (byte) 0xff;

        Unpacking result = Unpacking.of(unpacker, cab);

        assertThat(result.failure()).hasMessageContaining("beyond the end");
        assertThat(result.entries()).isEmpty();
    }

    @Test
    void lzxFolderWithAWindowOutsideTheFormatFails() {
        byte[] cab = new CabBuilder().folder(CabBuilder.LZX | 25 << 8).block(new byte[8], 100)
                .file("x.bin", 100, 0, 0).build();

        assertThat(Unpacking.of(unpacker, cab).failure()).hasMessageContaining("window");
    }

    private static byte[] mszip(byte[] data, byte[] dictionary) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        if (dictionary != null) {
            deflater.setDictionary(dictionary);
        }
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'C', 'K'});
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static Map<String, byte[]> ordered(Object... namesAndBytes) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBytes.length; i += 2) {
            map.put((String) namesAndBytes[i], (byte[]) namesAndBytes[i + 1]);
        }
        return map;
    }
}
