package com.postwarden.scan.internal.container.document;

import static com.postwarden.scan.internal.container.document.RecursiveUnpacking.clamAvTestFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.content.Content;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.poifs.macros.VBAMacroReader;
import org.junit.jupiter.api.Test;

class Ole2UnpackerTest {
    private static final String MACRO = "Attribute VB_Name = \"Module1\"\r\n"
            + "Sub AutoOpen()\r\n    Shell \"cmd.exe /c calc.exe\", vbHide\r\nEnd Sub\r\n"
            + "Sub Document_Open()\r\n    AutoOpen\r\nEnd Sub\r\n";
    private static final byte[] PCODE = "p-code that precedes the compressed source".getBytes(StandardCharsets.US_ASCII);

    private final Ole2Unpacker unpacker = new Ole2Unpacker();

    @Test
    void everyStreamIsHandedOverByItsPathAndVbaModulesAlsoAsSourceText() throws IOException {
        byte[] document = documentWithMacro();

        RecordingEntries entries = unpack(document);

        assertThat(entries.entries()).containsKeys("WordDocument", "Macros/PROJECT", "Macros/VBA/dir",
                "Macros/VBA/_VBA_PROJECT", "Macros/VBA/Module1", "Macros/VBA/Module1.vba");
        assertThat(new String(entries.entries().get("Macros/VBA/Module1.vba"), StandardCharsets.ISO_8859_1))
                .isEqualTo(MACRO);
    }

    @Test
    void theHandBuiltVbaProjectIsOneThatPoiReadsToo() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(documentWithMacro()));
             VBAMacroReader reader = new VBAMacroReader(fs)) {
            assertThat(reader.readMacros()).containsEntry("Module1", MACRO);
        }
    }

    @Test
    void anOle10NativeStreamIsUnwrappedToThePackagedFileUnderItsOriginalName() throws IOException {
        byte[] payload = clamAvTestFile("clam.exe");
        POIFSFileSystem fs = new POIFSFileSystem();
        DirectoryEntry object = fs.getRoot().createDirectory("ObjectPool").createDirectory("_1234");
        ByteArrayOutputStream packaged = new ByteArrayOutputStream();
        new Ole10Native("invoice.pdf.exe", "C:\\Users\\x\\invoice.pdf.exe", "C:\\Temp\\invoice.pdf.exe", payload)
                .writeOut(packaged);
        object.createDocument("\u0001Ole10Native", new ByteArrayInputStream(packaged.toByteArray()));

        RecordingEntries entries = unpack(write(fs));

        assertThat(entries.entries()).containsOnlyKeys("ObjectPool/_1234/invoice.pdf.exe");
        assertThat(entries.entries().get("ObjectPool/_1234/invoice.pdf.exe")).isEqualTo(payload);
    }

    @Test
    void aPasswordProtectedExcelWorkbookIsReportedEncrypted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("confidential");
            workbook.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        RecordingEntries entries = unpack(out.toByteArray());

        assertThat(entries.encrypted()).containsExactly("Workbook (Office)");
        assertThat(entries.entries()).doesNotContainKey("Workbook");
    }

    @Test
    void aPasswordProtectedOoxmlPackageIsReportedEncrypted() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.standard).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OutputStream os = encryptor.getDataStream(fs)) {
            os.write("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        }

        RecordingEntries entries = unpack(write(fs));

        assertThat(entries.encrypted()).containsExactly("EncryptedPackage (Office)");
        assertThat(entries.entries()).containsKey("EncryptionInfo").doesNotContainKey("EncryptedPackage");
    }

    @Test
    void aDamagedVbaDirectoryFailsAfterThePlainStreamsWereHandedOver() throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem();
        DirectoryEntry vba = fs.getRoot().createDirectory("Macros").createDirectory("VBA");
        vba.createDocument("_VBA_PROJECT", new ByteArrayInputStream(new byte[] {(byte) 0xcc, 0x61, 0, 0, 0, 0, 0}));
        vba.createDocument("dir", new ByteArrayInputStream("not compressed".getBytes(StandardCharsets.US_ASCII)));
        RecordingEntries entries = new RecordingEntries();

        assertThatThrownBy(() -> unpacker.unpack(Content.of(write(fs)), entries))
                .isInstanceOf(IOException.class).hasMessageContaining("VBA compression");
        assertThat(entries.entries()).containsKeys("Macros/VBA/_VBA_PROJECT", "Macros/VBA/dir");
    }

    @Test
    void aTruncatedCompoundFileFailsWithIoException() {
        byte[] document = clamAvTestFile("clam.ppt");
        byte[] truncated = Arrays.copyOf(document, 700);

        assertThatThrownBy(() -> unpack(truncated)).isInstanceOf(IOException.class);
    }

    @Test
    void garbageAfterTheMagicFailsWithIoException() {
        byte[] garbage = new byte[2048];
        Arrays.fill(garbage, (byte) 0x41);
        System.arraycopy(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1}, 0, garbage, 0, 8);

        assertThatThrownBy(() -> unpack(garbage)).isInstanceOf(IOException.class);
    }

    private RecordingEntries unpack(byte[] document) throws IOException {
        RecordingEntries entries = new RecordingEntries();
        unpacker.unpack(Content.of(document), entries);
        return entries;
    }

    /** A Word-like compound file with a VBA project: PROJECT, dir, _VBA_PROJECT and one module stream. */
    static byte[] documentWithMacro() throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem();
        fs.getRoot().createDocument("WordDocument", new ByteArrayInputStream(new byte[64]));
        DirectoryEntry macros = fs.getRoot().createDirectory("Macros");
        macros.createDocument("PROJECT", new ByteArrayInputStream(
                "ID=\"{00000000-0000-0000-0000-000000000000}\"\r\nModule=Module1\r\n".getBytes(StandardCharsets.US_ASCII)));
        DirectoryEntry vba = macros.createDirectory("VBA");
        vba.createDocument("_VBA_PROJECT", new ByteArrayInputStream(new byte[] {(byte) 0xcc, 0x61, (byte) 0xff, (byte) 0xff, 0, 0, 0}));
        vba.createDocument("dir", new ByteArrayInputStream(OvbaCompression.compress(dirStream())));
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(PCODE);
        module.writeBytes(OvbaCompression.compress(MACRO.getBytes(StandardCharsets.ISO_8859_1)));
        vba.createDocument("Module1", new ByteArrayInputStream(module.toByteArray()));
        return write(fs);
    }

    private static byte[] dirStream() {
        DirRecords dir = new DirRecords();
        dir.record(0x0001, 1, 4).record(0x0002, 0x409, 4).record(0x0014, 0x409, 4).record(0x0003, 1252, 2)
                .text(0x0004, "VBAProject").text(0x0005, "").text(0x0040, "").text(0x0006, "").text(0x003D, "")
                .record(0x0007, 0, 4).record(0x0008, 0, 4);
        dir.u16(0x0009).u32(4).u32(1).u16(0); // PROJECTVERSION: its size says 4, six bytes follow
        dir.text(0x000C, "").text(0x003C, "").record(0x000F, 1, 2).record(0x0013, 0xffff, 2)
                .text(0x0019, "Module1").utf16(0x0047, "Module1").text(0x001A, "Module1").utf16(0x0032, "Module1")
                .text(0x001C, "").text(0x0048, "").record(0x0031, PCODE.length, 4).record(0x001E, 0, 4)
                .record(0x002C, 0xffff, 2).text(0x0021, "").record(0x002B, 0, 0).record(0x0010, 0, 0);
        return dir.bytes();
    }

    private static byte[] write(POIFSFileSystem fs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        return out.toByteArray();
    }

    /** Writes dir stream records: id, size, data (MS-OVBA 2.3.4.2). */
    private static final class DirRecords {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        DirRecords record(int id, long value, int size) {
            u16(id).u32(size);
            for (int i = 0; i < size; i++) {
                out.write((int) (value >> 8 * i));
            }
            return this;
        }

        DirRecords text(int id, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            u16(id).u32(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        DirRecords utf16(int id, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
            u16(id).u32(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        DirRecords u16(int value) {
            out.write(value);
            out.write(value >> 8);
            return this;
        }

        DirRecords u32(long value) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (value >> 8 * i));
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
