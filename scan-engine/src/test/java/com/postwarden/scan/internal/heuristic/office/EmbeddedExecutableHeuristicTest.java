package com.postwarden.scan.internal.heuristic.office;

import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.scanned;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedExecutableHeuristicTest {
    private static final byte[] CLAM_EXE = clamExe();
    private static final byte[] NOTES = "Meeting notes: budget approved.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final EmbeddedExecutableHeuristic heuristic = new EmbeddedExecutableHeuristic();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"invoice.pdf.exe, pe", "invoice.pdf, pe", "update.js, text", "run.HTA, text", "c.lnk, text"})
    void aPackagedProgramOrScriptInAWordDocumentIsReported(String name, String content) throws IOException {
        byte[] document = wordDocumentWith(packaged(name, content.equals("pe") ? CLAM_EXE : NOTES));

        assertThat(heuristic.examine(scanned("invoice.doc", document)))
                .containsExactly(EmbeddedExecutableHeuristic.NAME);
    }

    @Test
    void aPackagedTextFileIsNotReported() throws IOException {
        byte[] document = wordDocumentWith(packaged("notes.txt", NOTES));

        assertThat(heuristic.examine(scanned("minutes.doc", document))).isEmpty();
    }

    @Test
    void aPackagedProgramInAnOoxmlEmbeddingIsReportedAndATextFileIsNot() throws IOException {
        byte[] withProgram = OfficeSamples.withParts(OfficeSamples.wordReport(),
                Map.of("word/embeddings/oleObject1.bin", oleObject(packaged("setup.exe", CLAM_EXE))));
        byte[] withText = OfficeSamples.withParts(OfficeSamples.wordReport(),
                Map.of("word/embeddings/oleObject1.bin", oleObject(packaged("notes.txt", NOTES))));

        assertThat(heuristic.examine(scanned("offer.docx", withProgram)))
                .containsExactly(EmbeddedExecutableHeuristic.NAME);
        assertThat(heuristic.examine(scanned("offer.docx", withText))).isEmpty();
    }

    @Test
    void aPackagedProgramInRtfObjectDataIsReportedAndATextFileIsNot() {
        assertThat(heuristic.examine(scanned("offer.rtf", rtfWithPackage(packaged("setup.exe", CLAM_EXE)))))
                .containsExactly(EmbeddedExecutableHeuristic.NAME);
        assertThat(heuristic.examine(scanned("offer.rtf", rtfWithPackage(packaged("notes.txt", NOTES))))).isEmpty();
    }

    @Test
    void normalDocumentsAreNotReported() throws IOException {
        assertThat(heuristic.examine(scanned("report.docx", OfficeSamples.wordReport()))).isEmpty();
        assertThat(heuristic.examine(scanned("sales.xls", OfficeSamples.excel97Report()))).isEmpty();
        assertThat(heuristic.examine(scanned("letter.rtf",
                "{\\rtf1\\ansi Dear customer,\\par}".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
    }

    @Test
    void damagedPackagesAreNotReportedAndDoNotThrow() throws IOException {
        byte[] document = wordDocumentWith(packaged("setup.exe", CLAM_EXE));
        for (int length : new int[] {0, 100, 512, document.length / 2}) {
            assertThat(heuristic.examine(scanned("cut.doc", Arrays.copyOf(document, length)))).isEmpty();
        }
        byte[] rtf = rtfWithPackage(packaged("setup.exe", CLAM_EXE));
        assertThat(heuristic.examine(scanned("cut.rtf", Arrays.copyOf(rtf, 120)))).isEmpty();
        byte[] shortHeader = wordDocumentWith(new byte[] {1, 0, 0, 0, 2, 0, 'a'});
        assertThat(heuristic.examine(scanned("short.doc", shortHeader))).isEmpty();
    }

    /** An {@code \1Ole10Native} stream body as Object Packager writes it: size, then the package header and data. */
    private static byte[] packaged(String name, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new Ole10Native(name, "C:\\Users\\x\\" + name, "C:\\Temp\\" + name, data).writeOut(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] wordDocumentWith(byte[] ole10Native) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem();
        fs.getRoot().createDocument("WordDocument", new ByteArrayInputStream(new byte[512]));
        DirectoryEntry object = fs.getRoot().createDirectory("ObjectPool").createDirectory("_1234567890");
        object.createDocument("\u0001Ole10Native", new ByteArrayInputStream(ole10Native));
        return write(fs);
    }

    private static byte[] oleObject(byte[] ole10Native) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem();
        fs.getRoot().createDocument("\u0001Ole10Native", new ByteArrayInputStream(ole10Native));
        return write(fs);
    }

    /** An RTF document with an OLE1 {@code Package} object (MS-OLEDS 2.2.4) whose native data is the package. */
    private static byte[] rtfWithPackage(byte[] ole10Native) {
        ByteArrayOutputStream ole1 = new ByteArrayOutputStream();
        u32(ole1, 0x0501);
        u32(ole1, 2);
        byte[] className = "Package\0".getBytes(StandardCharsets.US_ASCII);
        u32(ole1, className.length);
        ole1.writeBytes(className);
        u32(ole1, 0);
        u32(ole1, 0);
        u32(ole1, ole10Native.length - 4);
        ole1.write(ole10Native, 4, ole10Native.length - 4);
        String hex = HexFormat.of().formatHex(ole1.toByteArray()).replaceAll("(.{64})", "$1\r\n");
        return ("{\\rtf1\\ansi See the attached file.{\\object\\objemb{\\*\\objclass Package}\\objw100\\objh100"
                + "{\\*\\objdata " + hex + "}}\\par}").getBytes(StandardCharsets.US_ASCII);
    }

    private static void u32(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >> 8 * i));
        }
    }

    private static byte[] write(POIFSFileSystem fs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        return out.toByteArray();
    }

    /** The harmless ClamAV test program (Debian package clamav-testfiles). */
    private static byte[] clamExe() {
        try {
            return Files.readAllBytes(Path.of("/usr/share/clamav-testfiles/clam.exe"));
        } catch (IOException e) {
            throw new UncheckedIOException("install the Debian package clamav-testfiles", e);
        }
    }
}
