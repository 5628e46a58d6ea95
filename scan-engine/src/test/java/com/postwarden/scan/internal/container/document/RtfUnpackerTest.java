package com.postwarden.scan.internal.container.document;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.content.Content;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.junit.jupiter.api.Test;

class RtfUnpackerTest {
    private final byte[] clamExe = clamAvTestFile("clam.exe");

    @Test
    void anEmbeddedCompoundDocumentIsHandedOverUnderItsClassName() throws IOException {
        byte[] document = Ole2UnpackerTest.documentWithMacro();
        String rtf = rtf("{\\object\\objemb{\\*\\objclass Word.Document.8}{\\*\\objdata "
                + hex(ole1("Word.Document.8", document)) + "}}");

        RecordingEntries entries = unpack(rtf);

        assertThat(entries.entries()).containsOnlyKeys("Word.Document.8-1");
        assertThat(entries.entries().get("Word.Document.8-1")).isEqualTo(document);
    }

    @Test
    void aPackageObjectIsUnwrappedToItsFileDespiteJunkScatteredInTheHex() throws IOException {
        ByteArrayOutputStream packaged = new ByteArrayOutputStream();
        new Ole10Native("report.exe", "C:\\report.exe", "C:\\Temp\\report.exe", clamExe).writeOut(packaged);
        byte[] nativeData = Arrays.copyOfRange(packaged.toByteArray(), 4, packaged.size());
        String hex = hex(ole1("Package", nativeData));
        String obfuscated = hex.substring(0, 40) + " \r\n\t{\\*\\junk deadbeef}\\par " + hex.substring(40, 41)
                + "\\'41" + hex.substring(41);

        RecordingEntries entries = unpack(rtf("{\\object\\objemb{\\*\\objdata " + obfuscated + "}}"));

        assertThat(entries.entries()).containsOnlyKeys("report.exe");
        assertThat(entries.entries().get("report.exe")).isEqualTo(clamExe);
    }

    @Test
    void objectDataThatIsNoOle1ObjectIsHandedOverWhole() throws IOException {
        RecordingEntries entries = unpack(rtf("{\\object{\\*\\objdata " + hex(clamExe) + "}}"));

        assertThat(entries.entries().get("objdata-1")).isEqualTo(clamExe);
    }

    @Test
    void binaryDataAfterBinIsHandedOverAsItIs() throws IOException {
        byte[] rtf = concat("{\\rtf1 {\\pict\\bin544 ".getBytes(StandardCharsets.US_ASCII), clamExe,
                "}}".getBytes(StandardCharsets.US_ASCII));
        RecordingEntries entries = new RecordingEntries();

        new RtfUnpacker().unpack(Content.of(rtf), entries);

        assertThat(entries.entries().get("bin-1")).isEqualTo(clamExe);
    }

    @Test
    void anRtfTruncatedInsideObjectDataHandsOverThePartThenFails() {
        byte[] sample = clamAvTestFile("clam.exe.rtf");
        int objdata = new String(sample, StandardCharsets.ISO_8859_1).indexOf("\\objdata");
        byte[] truncated = Arrays.copyOf(sample, objdata + 700);
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> new RtfUnpacker().unpack(Content.of(truncated), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("ends inside \\objdata");
        assertThat(entries.entries()).hasSize(1);
        assertThat(entries.entries().values().iterator().next()).isNotEmpty();
    }

    /** An embedded OLE1 object (MS-OLEDS 2.2.4). */
    static byte[] ole1(String className, byte[] nativeData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u32(out, 0x0501);
        u32(out, 2);
        string(out, className);
        string(out, "");
        string(out, "");
        u32(out, nativeData.length);
        out.writeBytes(nativeData);
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
        u32(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void u32(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >> 8 * i));
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            hex.append(String.format("%02x", bytes[i] & 0xff)).append(i % 64 == 63 ? "\r\n" : "");
        }
        return hex.toString();
    }

    private static String rtf(String body) {
        return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\pard Text before. " + body + "\\par}";
    }

    private static RecordingEntries unpack(String rtf) throws IOException {
        RecordingEntries entries = new RecordingEntries();
        new RtfUnpacker().unpack(Content.of(rtf.getBytes(StandardCharsets.ISO_8859_1)), entries);
        return entries;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
