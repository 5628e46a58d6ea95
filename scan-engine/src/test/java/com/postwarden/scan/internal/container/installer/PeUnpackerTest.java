package com.postwarden.scan.internal.container.installer;

import static com.postwarden.scan.internal.container.installer.InstallerSamples.carved;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.clamExe;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.concat;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.entries;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.noise;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.peStub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.ExternalTool;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Executables carrying nothing, self-extractors built by appending real archives to a real PE (NSIS's own
 * installer stub), embedded images and archives among other bytes, damaged and lying headers.
 */
class PeUnpackerTest {

    @TempDir
    Path directory;

    static List<Path> windowsBinaries() {
        return InstallerSamples.windowsBinaries();
    }

    @ParameterizedTest
    @MethodSource("windowsBinaries")
    void executableCarryingNothingYieldsNothing(Path binary) throws IOException {
        byte[] bytes = Files.readAllBytes(binary);
        assertThat(FileTypes.detect(Content.of(bytes))).isEqualTo(FileType.PE);

        assertThat(entries(new PeUnpacker(), bytes)).isEmpty();
    }

    @Test
    void fileThatIsNoExecutableYieldsNothing() throws IOException {
        assertThat(entries(new PeUnpacker(), Files.readAllBytes(Path.of("/bin/true")))).isEmpty();
        assertThat(entries(new PeUnpacker(), new byte[0])).isEmpty();
    }

    @ParameterizedTest(name = "{0} appended to a PE: {1}")
    @CsvSource({
        "zip,          PE > ZIP > PE",
        "adjusted-zip, PE > ZIP > PE",
        "7z,           PE > SEVEN_ZIP > PE",
        "cab,          PE > CAB > PE",
        "arj,          PE > ARJ > PE",
        "ole2,         PE > OLE2 > PE",
    })
    void archiveInTheOverlayIsHandedOver(String format, String chain) throws Exception {
        RecursiveUnpacking.assertYieldsClamExe(selfExtractor(format), chain);
    }

    @Test
    void rarInTheOverlayIsHandedOverForTheSignaturesToSee() throws IOException {
        byte[] rar = concat("Rar!\u001a\u0007\u0000".getBytes(StandardCharsets.ISO_8859_1), noise(500, 1));

        assertThat(carved(concat(peStub(), rar), "rar@")).isEqualTo(rar);
    }

    @Test
    void embeddedImageAmongOtherBytesIsCarvedToItsDeclaredSize() throws IOException {
        byte[] stub = peStub();
        byte[] exe = concat(stub, noise(1000, 2), clamExe(), noise(3000, 3));

        Map<String, byte[]> entries = entries(new PeUnpacker(), exe);

        assertThat(entries).containsOnlyKeys("pe@" + (stub.length + 1000));
        assertThat(entries.values().iterator().next()).isEqualTo(clamExe());
    }

    @ParameterizedTest
    @CsvSource({"cab", "7z"})
    void archiveWithADeclaredSizeAmongOtherBytesIsCarvedToThatSize(String format) throws Exception {
        byte[] archive = archive(format);
        byte[] exe = concat(peStub(), noise(700, 4), archive, noise(900, 5));

        assertThat(carved(exe, format + "@")).isEqualTo(archive);
    }

    @Test
    void atMostThirtyTwoEmbeddedObjectsAreHandedOver() throws IOException {
        byte[][] parts = new byte[41][];
        parts[0] = peStub();
        Arrays.fill(parts, 1, parts.length, clamExe());

        assertThat(entries(new PeUnpacker(), concat(parts))).hasSize(PeUnpacker.MAX_EMBEDDED_OBJECTS);
    }

    @Test
    void zipSignatureWithoutAPlausibleHeaderIsNotTakenForAnArchive() throws IOException {
        byte[] overlay = concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), noise(2000, 6));

        assertThat(entries(new PeUnpacker(), concat(peStub(), overlay))).isEmpty();
    }

    @Test
    void installShieldOverlayFilesAreHandedOverByTheirPaths() throws IOException {
        byte[] overlay = concat(record("setup.ini", "Disk1\\setup.ini", "[Startup]\r\n".getBytes(StandardCharsets.US_ASCII)),
                record("clam.exe", "Disk1\\clam.exe", clamExe()), record("empty.txt", "", new byte[0]));

        Map<String, byte[]> entries = entries(new PeUnpacker(), concat(peStub(), overlay));

        assertThat(entries.keySet()).containsExactly("Disk1\\setup.ini", "Disk1\\clam.exe", "empty.txt");
        assertThat(entries.get("Disk1\\clam.exe")).isEqualTo(clamExe());
    }

    @Test
    void installShieldRecordWhoseSizeRunsPastTheEndEndsTheRecordsNotTheScan() throws IOException {
        byte[] lying = concat("big.bin\0Disk1\\big.bin\0001.0\0004000000000\0".getBytes(StandardCharsets.ISO_8859_1),
                noise(100, 7), clamExe());
        byte[] overlay = concat(record("a.txt", "Disk1\\a.txt", "a".getBytes(StandardCharsets.US_ASCII)), lying);
        byte[] stub = peStub();

        Map<String, byte[]> entries = entries(new PeUnpacker(), concat(stub, overlay));

        assertThat(entries.keySet()).containsExactly("Disk1\\a.txt", "pe@" + (stub.length + overlay.length - 544));
    }

    @Test
    void dosProgramWithAnAppendedZipHandsTheZipOver() throws Exception {
        ByteBuffer dos = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        dos.put((byte) 'M').put((byte) 'Z').putShort((short) 128).putShort((short) 1).putShort(0x3c, (short) 0);
        byte[] zip = archive("zip");

        assertThat(carved(concat(dos.array(), zip), "zip@")).isEqualTo(zip);
    }

    @Test
    void executableWhoseSectionsLiePastItsEndIsReportedAsTruncated() {
        byte[] fsg = RecursiveUnpacking.clamAvTestFile("clam-fsg.exe");
        byte[] cut = Arrays.copyOf(fsg, 0x900);

        assertThatThrownBy(() -> new PeUnpacker().unpack(Content.of(cut), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @Test
    void cabinetClaimingFourGigabytesIsCutAtTheEndOfTheFile() throws Exception {
        byte[] cab = archive("cab");
        ByteBuffer.wrap(cab).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0xfffffff0);

        assertThat(carved(concat(peStub(), cab), "cab@")).isEqualTo(cab);
    }

    @Test
    void embeddedImageWhoseSectionsClaimFourGigabytesIsCutAtTheEndOfTheFile() throws IOException {
        byte[] image = clamExe();
        int section = 0x100 + 24 + 224;
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(section + 16, 0xfffffff0);
        byte[] tail = noise(300, 8);

        assertThat(carved(concat(peStub(), image, tail), "pe@")).isEqualTo(concat(image, tail));
    }

    private byte[] selfExtractor(String format) throws Exception {
        if (format.equals("adjusted-zip")) {
            Files.write(directory.resolve("sfx.exe"), concat(peStub(), archive("zip")));
            ExternalTool.run(directory, "zip", "-A", "sfx.exe");
            return Files.readAllBytes(directory.resolve("sfx.exe"));
        }
        return concat(peStub(), archive(format));
    }

    /** An archive of clam.exe built with the format's own tool. */
    private byte[] archive(String format) throws Exception {
        Files.write(directory.resolve("clam.exe"), clamExe());
        switch (format) {
            case "zip":
                ExternalTool.run(directory, "zip", "-q", "clam.zip", "clam.exe");
                return Files.readAllBytes(directory.resolve("clam.zip"));
            case "7z":
                ExternalTool.run(directory, "7z", "a", "-bd", "clam.7z", "clam.exe");
                return Files.readAllBytes(directory.resolve("clam.7z"));
            case "cab":
                ExternalTool.run(directory, "gcab", "-c", "-z", "clam.cab", "clam.exe");
                return Files.readAllBytes(directory.resolve("clam.cab"));
            case "arj":
                ExternalTool.run(directory, "arj", "a", "-y", "clam.arj", "clam.exe");
                return Files.readAllBytes(directory.resolve("clam.arj"));
            case "ole2":
                return RecursiveUnpacking.clamAvTestFile("clam.ole.doc");
            default:
                throw new IllegalArgumentException(format);
        }
    }

    /** An older InstallShield overlay record: name, path, version, decimal size, then the bytes. */
    private static byte[] record(String name, String path, byte[] data) {
        String header = name + "\0" + path + "\0" + "1.0.0.0\0" + data.length + "\0";
        return concat(header.getBytes(StandardCharsets.ISO_8859_1), data);
    }
}
