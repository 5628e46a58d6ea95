package com.postwarden.scan.internal.container.installer;

import static com.postwarden.scan.internal.container.installer.InstallerSamples.carved;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.clamExe;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Compiled AutoIt scripts: ClamAV's EA05 and EA06 samples, written ones, cut and forged ones. */
class AutoItUnpackerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "clam.ea05.exe, >AUTOIT UNICODE SCRIPT<",
        "clam.ea06.exe, >>>AUTOIT SCRIPT<<<",
    })
    void sampleYieldsItsScriptThenTheInstalledFile(String sample, String scriptMarker) throws IOException {
        byte[] script = carved(RecursiveUnpacking.clamAvTestFile(sample), "autoit@");

        Map<String, byte[]> entries = entries(new AutoItUnpacker(), script);

        assertThat(entries.keySet()).containsExactly(scriptMarker, "C:\\clam.exe");
        assertThat(entries.get("C:\\clam.exe")).isEqualTo(clamExe());
        assertThat(new String(script, script.length - 8, 8, StandardCharsets.US_ASCII)).startsWith("AU3!EA0");
    }

    @Test
    void ea05ScriptIsHandedOverAsItsUnicodeText() throws IOException {
        byte[] script = carved(RecursiveUnpacking.clamAvTestFile("clam.ea05.exe"), "autoit@");

        byte[] text = entries(new AutoItUnpacker(), script).get(">AUTOIT UNICODE SCRIPT<");

        assertThat(new String(text, StandardCharsets.UTF_16LE)).startsWith("\ufeff; <AUT2EXE VERSION:");
    }

    @ParameterizedTest
    @EnumSource(AutoItVersion.class)
    void writtenScriptYieldsEveryRecordCompressedOrNot(AutoItVersion version) throws IOException {
        byte[] runs = new byte[5000];
        Arrays.fill(runs, 0, 2000, (byte) 'a');
        Arrays.fill(runs, 3000, 5000, (byte) 'b');
        byte[] text = InstallerSamples.text(70_000, 9);
        byte[] payload = new AutoItWriter(version)
                .add(">>>AUTOIT SCRIPT<<<", "C:\\temp\\aut1.tmp", text, true)
                .add("C:\\clam.exe", "C:\\clam.exe", clamExe(), true)
                .add("C:\\data\\runs.bin", "C:\\data\\runs.bin", runs, true)
                .add("C:\\data\\stored.bin", "C:\\data\\stored.bin", InstallerSamples.noise(3000, 1), false)
                .add("C:\\data\\empty.txt", "C:\\data\\empty.txt", new byte[0], false)
                .build();

        Map<String, byte[]> entries = entries(new AutoItUnpacker(), payload);

        assertThat(entries.keySet()).containsExactly(">>>AUTOIT SCRIPT<<<", "C:\\clam.exe", "C:\\data\\runs.bin",
                "C:\\data\\stored.bin");
        assertThat(entries.get(">>>AUTOIT SCRIPT<<<")).isEqualTo(text);
        assertThat(entries.get("C:\\clam.exe")).isEqualTo(clamExe());
        assertThat(entries.get("C:\\data\\runs.bin")).isEqualTo(runs);
        assertThat(entries.get("C:\\data\\stored.bin")).isEqualTo(InstallerSamples.noise(3000, 1));
    }

    @ParameterizedTest
    @EnumSource(AutoItVersion.class)
    void truncatedScriptYieldsTheRecordsBeforeTheCutThenFails(AutoItVersion version) throws IOException {
        byte[] payload = new AutoItWriter(version)
                .add(">>>AUTOIT SCRIPT<<<", "aut1.tmp", InstallerSamples.text(20_000, 2), true)
                .add("C:\\clam.exe", "C:\\clam.exe", clamExe(), true)
                .add("C:\\stored.bin", "C:\\stored.bin", InstallerSamples.noise(2000, 3), false)
                .build();

        // the closing marker is not needed
        Truncation.assertEveryCutFailsAfterTheEntriesBeforeIt(new AutoItUnpacker(), payload, 8);
    }

    @ParameterizedTest
    @CsvSource({"clam.ea05.exe", "clam.ea06.exe"})
    void truncatedSampleYieldsTheRecordsBeforeTheCutThenFails(String sample) throws IOException {
        byte[] script = carved(RecursiveUnpacking.clamAvTestFile(sample), "autoit@");

        Truncation.assertEveryCutFailsAfterTheEntriesBeforeIt(new AutoItUnpacker(), script, 8);
    }

    @ParameterizedTest
    @EnumSource(AutoItVersion.class)
    void backReferenceBeforeTheStartIsDamage(AutoItVersion version) {
        int match = version.matchOnSetBit() ? 1 : 0;
        byte[] bits = new AutoItWriter.Bits().put(1 - match, 1).put('x', 8).put(match, 1).put(5, 15).put(0, 2)
                .toByteArray();
        byte[] payload = new AutoItWriter(version).addRaw("C:\\a", "C:\\a", compressed(version, 10, bits), true, 10)
                .build();

        assertThatThrownBy(() -> new AutoItUnpacker().unpack(Content.of(payload), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("before its start");
    }

    @ParameterizedTest
    @EnumSource(AutoItVersion.class)
    void copyPastTheDeclaredSizeIsDamage(AutoItVersion version) {
        int match = version.matchOnSetBit() ? 1 : 0;
        byte[] bits = new AutoItWriter.Bits().put(1 - match, 1).put('x', 8).put(match, 1).put(1, 15).put(2, 2)
                .toByteArray();
        byte[] payload = new AutoItWriter(version).addRaw("C:\\a", "C:\\a", compressed(version, 3, bits), true, 3)
                .build();

        assertThatThrownBy(() -> new AutoItUnpacker().unpack(Content.of(payload), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("past its declared size");
    }

    @ParameterizedTest
    @EnumSource(AutoItVersion.class)
    void declaredSizeOfFourGigabytesEndsWithTheCompressedData(AutoItVersion version) {
        byte[] bits = new AutoItWriter.Bits().put(version.matchOnSetBit() ? 0 : 1, 1).put('x', 8).toByteArray();
        byte[] payload = new AutoItWriter(version).addRaw("C:\\a", "C:\\a", compressed(version, -1, bits), true, -1)
                .build();

        assertThatThrownBy(() -> new AutoItUnpacker().unpack(Content.of(payload), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("ends");
    }

    @Test
    void recordClaimingTwoGigabytesOfDataIsTruncationNotAnAllocation() {
        byte[] payload = new AutoItWriter(AutoItVersion.EA06).add("C:\\a", "C:\\a", clamExe(), false).build();
        int sizeField = AutoItArchive.FIRST_RECORD + 8 + 2 * 4 + 4 + 2 * 4 + 1;
        ByteBuffer.wrap(payload).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(sizeField, 0x7ffffff0 ^ AutoItVersion.EA06.sizeKey());

        assertThatThrownBy(() -> new AutoItUnpacker().unpack(Content.of(payload), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @Test
    void compressedRecordWithoutItsMarkerIsReportedAfterTheOthers() {
        byte[] payload = new AutoItWriter(AutoItVersion.EA05)
                .addRaw("C:\\bad", "C:\\bad", "XXXXXXXXXXXX".getBytes(StandardCharsets.US_ASCII), true, 4)
                .add("C:\\clam.exe", "C:\\clam.exe", clamExe(), true)
                .build();
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new AutoItUnpacker().unpack(Content.of(payload), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("C:\\bad");
        assertThat(entries.entries()).containsOnlyKeys("C:\\clam.exe");
    }

    private static byte[] compressed(AutoItVersion version, int size, byte[] bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(version.name().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(size).array());
        out.writeBytes(bits);
        return out.toByteArray();
    }
}
