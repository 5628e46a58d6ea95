package com.postwarden.scan.internal.container.installer;

import static com.postwarden.scan.internal.container.installer.InstallerSamples.carved;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.clamExe;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** InstallShield MSI launcher payloads: ClamAV's samples, written ones, cut and forged ones. */
class InstallShieldMsiUnpackerTest {

    @Test
    void sampleYieldsEveryFileOfThePayloadByName() throws IOException {
        byte[] payload = carved(RecursiveUnpacking.clamAvTestFile("clam_ISmsi_ext.exe"), "installshield@");

        Map<String, byte[]> entries = entries(new InstallShieldMsiUnpacker(), payload);

        assertThat(entries.keySet()).containsExactly("clam.exe409.bmp", "0x0409.ini", "EvalMarker.dat", "clam.msi",
                "Setup.ini");
        assertThat(entries.get("clam.exe409.bmp")).isEqualTo(clamExe());
    }

    @Test
    void writtenPayloadYieldsEveryFileWithKeysRestartingEveryKilobyte() throws IOException {
        byte[] large = InstallerSamples.noise(5000, 1);
        byte[] payload = new InstallShieldMsiWriter().add("clam.exe", clamExe()).add("empty.txt", new byte[0])
                .add("large-file-with-a-long-name.bin", large).build();

        Map<String, byte[]> entries = entries(new InstallShieldMsiUnpacker(), payload);

        assertThat(entries.keySet()).containsExactly("clam.exe", "empty.txt", "large-file-with-a-long-name.bin");
        assertThat(entries.get("clam.exe")).isEqualTo(clamExe());
        assertThat(entries.get("empty.txt")).isEmpty();
        assertThat(entries.get("large-file-with-a-long-name.bin")).isEqualTo(large);
    }

    @Test
    void truncatedPayloadYieldsTheFilesBeforeTheCutThenFails() throws IOException {
        byte[] payload = new InstallShieldMsiWriter().add("setup.ini", InstallerSamples.text(3000, 2))
                .add("clam.exe", clamExe()).add("data.bin", InstallerSamples.noise(2000, 3)).build();

        Truncation.assertEveryCutFailsAfterTheEntriesBeforeIt(new InstallShieldMsiUnpacker(), payload, 0);
    }

    @Test
    void headerAnnouncingAMillionFilesFailsAfterTheOnesThere() {
        byte[] payload = new InstallShieldMsiWriter().add("clam.exe", clamExe()).build();
        ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).putInt(InstallShieldMsiArchive.MAGIC.length, 1_000_000);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new InstallShieldMsiUnpacker().unpack(Content.of(payload), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThat(entries.entries()).containsOnlyKeys("clam.exe");
    }

    @Test
    void fileClaimingATerabyteIsTruncationNotAnAllocation() {
        byte[] payload = new InstallShieldMsiWriter().add("clam.exe", clamExe()).build();
        int sizeField = InstallShieldMsiArchive.MAGIC.length + InstallShieldMsiArchive.HEADER
                + InstallShieldMsiArchive.COMPRESSED_SIZE;
        ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).putLong(sizeField, 1L << 40);

        assertThatThrownBy(() -> new InstallShieldMsiUnpacker().unpack(Content.of(payload), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @Test
    void recordWithoutANameIsDamage() {
        byte[] payload = new InstallShieldMsiWriter().add("clam.exe", clamExe()).build();
        payload[InstallShieldMsiArchive.MAGIC.length + InstallShieldMsiArchive.HEADER] = 0;

        assertThatThrownBy(() -> new InstallShieldMsiUnpacker().unpack(Content.of(payload), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }
}
