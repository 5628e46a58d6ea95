package com.postwarden.scan.internal.container.installer;

import static com.postwarden.scan.internal.container.installer.InstallerSamples.carved;
import static com.postwarden.scan.internal.container.installer.InstallerSamples.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.document.RecursiveUnpacking;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** NSIS installers built by makensis in every compressor and mode, intact, cut short and with lying headers. */
class NsisUnpackerTest {

    enum Variant {
        ZLIB("zlib", false),
        ZLIB_SOLID("zlib", true),
        BZIP2("bzip2", false),
        BZIP2_SOLID("bzip2", true),
        LZMA("lzma", false),
        LZMA_SOLID("lzma", true);

        final String compressor;
        final boolean solid;

        Variant(String compressor, boolean solid) {
            this.compressor = compressor;
            this.solid = solid;
        }
    }

    @TempDir
    Path directory;

    /** clam.exe, a text file, an empty file, a file larger than a bzip2 block, an incompressible file. */
    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("clam.exe", InstallerSamples.clamExe());
        files.put("readme.txt", "installed by NSIS\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        files.put("empty.dat", new byte[0]);
        files.put("manual.txt", InstallerSamples.text(1_200_000, 7));
        files.put("random.bin", InstallerSamples.noise(20_000, 8));
        return files;
    }

    private byte[] installer(Variant variant) throws IOException, InterruptedException {
        return InstallerSamples.nsisInstaller(directory, variant.compressor, variant.solid, files());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void installerYieldsItsHeaderThenEveryNonEmptyFileInOrder(Variant variant) throws Exception {
        byte[] data = carved(installer(variant), "nsis@");

        Map<String, byte[]> entries = entries(new NsisUnpacker(), data);

        // names number the data blocks; the empty file's block is skipped
        assertThat(entries.keySet()).containsExactly("header", "file-1", "file-2", "file-4", "file-5");
        long headerLength = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(20);
        assertThat(entries.get("header")).hasSize((int) headerLength);
        List<byte[]> expected = files().values().stream().filter(f -> f.length > 0).toList();
        assertThat(List.copyOf(entries.values()).subList(1, 5)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void clamExeIsFoundInsideTheInstallerByTheEngineTypes(Variant variant) throws Exception {
        RecursiveUnpacking.assertYieldsClamExe(installer(variant), "PE > NSIS > PE");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void truncatedDataYieldsTheFilesBeforeTheCutThenFails(Variant variant) throws Exception {
        Map<String, byte[]> small = new LinkedHashMap<>();
        small.put("clam.exe", InstallerSamples.clamExe());
        small.put("readme.txt", InstallerSamples.text(30_000, 3));
        small.put("more.txt", InstallerSamples.text(5_000, 4));
        byte[] data = carved(InstallerSamples.nsisInstaller(directory, variant.compressor, variant.solid, small),
                "nsis@");

        // the last four bytes are the installer's CRC, which the unpacker does not need
        Truncation.assertEveryCutFailsAfterTheEntriesBeforeIt(new NsisUnpacker(), data, 4);
    }

    @Test
    void lzmaBlocksWithTheX86FilterFlagAreUnfiltered() throws IOException {
        byte[] code = InstallerSamples.concat(InstallerSamples.clamExe(), InstallerSamples.peStub());
        byte[] plain = x86FilteredNsisLzma(code, false);
        byte[] filtered = x86FilteredNsisLzma(code, true);
        ByteBuffer data = firstHeader(NsisFirstHeader.SIZE + 4 + 3 + 4 + plain.length + 4 + filtered.length);
        data.putInt(3).put(new byte[] {1, 2, 3});
        data.putInt(0x80000000 | plain.length).put(plain).putInt(0x80000000 | filtered.length).put(filtered);

        Map<String, byte[]> entries = entries(new NsisUnpacker(), data.array());

        assertThat(entries.keySet()).containsExactly("header", "file-1", "file-2");
        assertThat(entries.get("file-1")).isEqualTo(code);
        assertThat(entries.get("file-2")).isEqualTo(code);
    }

    /** An NSIS 3 LZMA block: the filter flag, properties and dictionary, the stream with its end marker. */
    private static byte[] x86FilteredNsisLzma(byte[] data, boolean filter) throws IOException {
        java.io.ByteArrayOutputStream lzmaFile = new java.io.ByteArrayOutputStream();
        org.tukaani.xz.LZMA2Options options = new org.tukaani.xz.LZMA2Options();
        options.setDictSize(1 << 16);
        try (org.tukaani.xz.LZMAOutputStream lzma = new org.tukaani.xz.LZMAOutputStream(lzmaFile, options, -1);
             java.io.OutputStream in = filter ? new org.tukaani.xz.X86Options().getOutputStream(lzma) : lzma) {
            in.write(data);
        }
        byte[] file = lzmaFile.toByteArray();
        // a .lzma file of unknown size is properties, dictionary, 8 bytes of -1, the stream with its end marker
        return InstallerSamples.concat(new byte[] {(byte) (filter ? 1 : 0)}, java.util.Arrays.copyOf(file, 5),
                java.util.Arrays.copyOfRange(file, 13, file.length));
    }

    @Test
    void clamAvSampleIsNonSolidLzma() throws IOException {
        byte[] data = carved(RecursiveUnpacking.clamAvTestFile("clam-nsis.exe"), "nsis@");

        assertThat(NsisUnpacker.isBlockChain(Content.of(data), data.length, data.length)).isTrue();
        assertThat(NsisCompression.detect(Content.of(data), NsisFirstHeader.SIZE + 4)).isEqualTo(NsisCompression.LZMA);
    }

    @Test
    void blockClaimingTwoGigabytesFailsAfterTheBlocksBeforeIt() {
        ByteBuffer data = firstHeader(0x7ffffff0).putInt(10).put(new byte[10]).putInt(0x7fff0000).put(new byte[64]);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new NsisUnpacker().unpack(Content.of(data.array()), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThat(entries.entries()).containsOnlyKeys("header");
    }

    @Test
    void solidBlockClaimingTwoGigabytesEndsWithTheStreamNotWithMemory() {
        ByteBuffer plain = ByteBuffer.allocate(104).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7fffffff);
        plain.put(InstallerSamples.text(100, 1));
        byte[] solid = rawDeflate(plain.array());
        ByteBuffer data = firstHeader(NsisFirstHeader.SIZE + solid.length);
        data.put(solid);

        assertThatThrownBy(() -> new NsisUnpacker().unpack(Content.of(data.array()), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @Test
    void lzmaDictionaryBeyondTheLimitIsRefused() {
        ByteBuffer data = firstHeader(NsisFirstHeader.SIZE + 4 + 16);
        data.putInt(0x80000010).put((byte) 0x5d).putInt(-1).put(new byte[11]);

        assertThatThrownBy(() -> new NsisUnpacker().unpack(Content.of(data.array()), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("dictionary");
    }

    @Test
    void dataWithoutTheFirstHeaderIsRefused() {
        assertThatThrownBy(() -> new NsisUnpacker().unpack(Content.of(new byte[100]), new RecordingEntries()))
                .isInstanceOf(IOException.class).hasMessageContaining("NullsoftInst");
    }

    private static byte[] rawDeflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        byte[] buffer = new byte[plain.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }

    private static ByteBuffer firstHeader(int archiveLength) {
        ByteBuffer data = ByteBuffer.allocate(archiveLength <= 1 << 20 ? archiveLength : 4096).order(ByteOrder.LITTLE_ENDIAN);
        data.putInt(0).putInt(0xdeadbeef).put("NullsoftInst".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(100).putInt(archiveLength);
        return data;
    }
}
