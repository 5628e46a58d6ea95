package com.postwarden.scan.internal.container.installer;

import static com.postwarden.scan.internal.container.installer.InstallerSamples.clamExe;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.concat;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.entries;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.peStub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * InstallShield cabinets kept in a setup launcher's overlay: ClamAV's clam_IScab_int.exe, and launchers
 * rebuilt on a real PE from its header file and volume, cut or damaged.
 */
class InstallShieldCabinetTest {
    private static final Map<String, byte[]> STORED = storedFiles();

    private static Map<String, byte[]> storedFiles() {
        try {
            return entries(new PeUnpacker(), RecursiveUnpacking.clamAvTestFile("clam_IScab_int.exe"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sampleYieldsTheStoredFilesThenTheFilesOfItsCabinets() {
        assertThat(STORED).containsKeys("Disk1\\data1.hdr", "Disk1\\data1.cab", "Disk1\\data2.cab", "Disk1\\setup.exe",
                "license.rtf", "isrt.dll", "_IsRes.dll", "clam.exe");
        assertThat(STORED.get("clam.exe")).isEqualTo(clamExe());
        assertThat(new String(STORED.get("license.rtf"), StandardCharsets.ISO_8859_1)).startsWith("{\\rtf");
    }

    @Test
    void cabinetFilesInAVolumeThatIsNotThereAreSkipped() throws IOException {
        byte[] launcher = launcher(STORED.get("Disk1\\data1.hdr"), null);

        assertThat(entries(new PeUnpacker(), launcher).keySet()).containsExactly("Disk1\\data1.hdr");
    }

    @Test
    void volumeCutShortFailsAfterTheFilesBeforeTheCut() {
        byte[] volume = STORED.get("Disk1\\data2.cab");
        byte[] launcher = launcher(STORED.get("Disk1\\data1.hdr"), Arrays.copyOf(volume, 400));
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new PeUnpacker().unpack(Content.of(launcher), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThat(entries.entries()).containsOnlyKeys("Disk1\\data1.hdr", "Disk1\\data2.cab");
    }

    @Test
    void damagedChunkIsReportedAsDamage() {
        byte[] volume = STORED.get("Disk1\\data2.cab").clone();
        Arrays.fill(volume, 0x202, 0x240, (byte) 0xff);

        assertThatThrownBy(() -> new PeUnpacker().unpack(Content.of(launcher(STORED.get("Disk1\\data1.hdr"), volume)),
                new RecordingEntries())).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }

    @Test
    void headerListingFilesBeyondItselfIsDamage() {
        byte[] header = STORED.get("Disk1\\data1.hdr").clone();
        ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        fields.putInt(fields.getInt(12) + 0x28, 1_000_000);

        assertThatThrownBy(() -> new PeUnpacker().unpack(Content.of(launcher(header, STORED.get("Disk1\\data2.cab"))),
                new RecordingEntries())).isInstanceOf(IOException.class).hasMessageContaining("1000000 files");
    }

    /** A setup launcher whose overlay stores the header file and, when given, volume 2. */
    private static byte[] launcher(byte[] header, byte[] volume2) {
        byte[] overlay = record("data1.hdr", header);
        if (volume2 != null) {
            overlay = concat(overlay, record("data2.cab", volume2));
        }
        return concat(peStub(), overlay);
    }

    private static byte[] record(String name, byte[] data) {
        String header = name + "\0Disk1\\" + name + "\0" + "0.0.0.0\0" + data.length + "\0";
        return concat(header.getBytes(StandardCharsets.ISO_8859_1), data);
    }
}
