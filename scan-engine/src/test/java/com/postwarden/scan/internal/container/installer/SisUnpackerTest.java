package com.postwarden.scan.internal.container.installer;

import static com.postwarden.scan.internal.container.installer.InstallerSamples.clamExe;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Old-format Symbian SIS files: ClamAV's sample, written ones of every record kind, cut and forged ones. */
class SisUnpackerTest {

    @Test
    void sampleYieldsClamExeNamedByItsDestination() throws IOException {
        byte[] sis = RecursiveUnpacking.clamAvTestFile("clam.sis");

        assertThat(FileTypes.detect(Content.of(sis))).isEqualTo(FileType.SIS);
        assertThat(entries(new SisUnpacker(), sis)).containsOnlyKeys("!:\\clam.exe");
    }

    @ParameterizedTest(name = "release 6: {0}, compressed: {1}, unicode: {2}")
    @CsvSource({"true, true, true", "true, false, true", "false, true, false", "false, false, false"})
    void everyPackagedFileIsHandedOverPastOptionsAndConditions(boolean release6, boolean compressed, boolean unicode)
            throws IOException {
        byte[] readme = "read me".getBytes(StandardCharsets.US_ASCII);
        byte[] sis = new SisWriter(release6, compressed, unicode, 2)
                .file("c:\\src\\clam.exe", "!:\\system\\apps\\clam\\clam.exe", clamExe())
                .options(2)
                .condition(3, new byte[] {1, 2, 3, 4, 5, 6})
                .languageFile("c:\\src\\readme.txt", "!:\\readme.txt", readme, InstallerSamples.text(3000, 1))
                .marker(5)
                .nullFile("!:\\system\\apps\\clam\\clam.ini")
                .marker(6)
                .file("", "", InstallerSamples.noise(100, 2))
                .build();
        assertThat(FileTypes.detect(Content.of(sis))).isEqualTo(FileType.SIS);

        Map<String, byte[]> entries = entries(new SisUnpacker(), sis);

        assertThat(entries.keySet()).containsExactly("!:\\system\\apps\\clam\\clam.exe", "!:\\readme.txt",
                "!:\\readme.txt#2", "file-8");
        assertThat(entries.get("!:\\system\\apps\\clam\\clam.exe")).isEqualTo(clamExe());
        assertThat(entries.get("!:\\readme.txt")).isEqualTo(readme);
        assertThat(entries.get("!:\\readme.txt#2")).isEqualTo(InstallerSamples.text(3000, 1));
        assertThat(entries.get("file-8")).isEqualTo(InstallerSamples.noise(100, 2));
    }

    @Test
    void truncatedSampleYieldsTheFilesBeforeTheCutThenFails() throws IOException {
        byte[] sis = new SisWriter(true, true, true, 1).file("a", "!:\\a.txt", InstallerSamples.text(2000, 3))
                .file("b", "!:\\clam.exe", clamExe()).build();

        Truncation.assertEveryCutFailsAfterTheEntriesBeforeIt(new SisUnpacker(), sis, 0);
        Truncation.assertEveryCutFailsAfterTheEntriesBeforeIt(new SisUnpacker(),
                RecursiveUnpacking.clamAvTestFile("clam.sis"), 0);
    }

    @Test
    void recordOfUnknownTypeIsDamage() {
        byte[] sis = new SisWriter(true, true, true, 1).marker(9).build();

        assertThatThrownBy(() -> new SisUnpacker().unpack(Content.of(sis), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown type 9");
    }

    @Test
    void headerAnnouncingSixtyThousandRecordsFailsWhereTheRecordsEnd() {
        byte[] sis = new SisWriter(true, true, true, 1).file("a", "!:\\clam.exe", clamExe()).build();
        ByteBuffer.wrap(sis).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 60_000);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new SisUnpacker().unpack(Content.of(sis), entries)).isInstanceOf(IOException.class);
        assertThat(entries.entries()).containsOnlyKeys("!:\\clam.exe");
    }

    @Test
    void fileClaimingFourGigabytesIsTruncationNotAnAllocation() {
        byte[] sis = new SisWriter(true, false, true, 1).file("a", "!:\\a", clamExe()).build();
        int lengthField = 100 + 2 + 4 * 7;
        ByteBuffer.wrap(sis).order(ByteOrder.LITTLE_ENDIAN).putInt(lengthField, 0xfffffff0);

        assertThatThrownBy(() -> new SisUnpacker().unpack(Content.of(sis), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @ParameterizedTest
    @CsvSource({"0", "100"})
    void implausibleLanguageCountIsDamage(int languages) {
        byte[] sis = new SisWriter(true, true, true, 1).file("a", "!:\\a", clamExe()).build();
        ByteBuffer.wrap(sis).order(ByteOrder.LITTLE_ENDIAN).putShort(18, (short) languages);

        assertThatThrownBy(() -> new SisUnpacker().unpack(Content.of(sis), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("languages");
    }
}
