package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.ContainerPath;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileTypes;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Office documents written by POI, and the OOXML parts the tests add to them. */
final class OfficeSamples {
    private OfficeSamples() {
    }

    static ScannedObject scanned(String name, byte[] bytes) {
        Content content = Content.of(bytes);
        return new ScannedObject(content, FileTypes.detect(content), ContainerPath.of(name), Optional.empty());
    }

    /** A Word 97 compound file: a {@code WordDocument} stream and the project under {@code Macros}. */
    static byte[] wordDocument(VbaProjectWriter project) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem();
        fs.getRoot().createDocument("WordDocument", new ByteArrayInputStream(new byte[512]));
        project.writeTo(fs.getRoot().createDirectory("Macros"));
        return write(fs);
    }

    /** An Excel 97 workbook written by HSSF, with the project under {@code _VBA_PROJECT_CUR}. */
    static byte[] excelWorkbook(VbaProjectWriter project) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(excel97Report()));
        project.writeTo(fs.getRoot().createDirectory("_VBA_PROJECT_CUR"));
        return write(fs);
    }

    /** A bare {@code vbaProject.bin} as OOXML packages carry it: the project at the root. */
    static byte[] vbaProjectBin(VbaProjectWriter project) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem();
        project.writeTo(fs.getRoot());
        return write(fs);
    }

    static byte[] wordReport() throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            XWPFParagraph title = document.createParagraph();
            title.createRun().setText("Quarterly report");
            document.createParagraph().createRun().setText("Sales grew by 4% in the third quarter.");
            return write(document::write);
        }
    }

    static byte[] excelReport() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fillWithFormulas(workbook);
            return write(workbook::write);
        }
    }

    static byte[] excel97Report() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            fillWithFormulas(workbook);
            return write(workbook::write);
        }
    }

    private static void fillWithFormulas(Workbook workbook) {
        Sheet sheet = workbook.createSheet("Sales");
        for (int i = 0; i < 3; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue("Q" + (i + 1));
            row.createCell(1).setCellValue(1000 + 250 * i);
        }
        sheet.createRow(3).createCell(1).setCellFormula("SUM(B1:B3)");
    }

    /** {@code ooxml} with parts added or replaced; the rest is copied as it is. */
    static byte[] withParts(byte[] ooxml, Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ooxml));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!parts.containsKey(entry.getName())) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(zip);
                }
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] write(POIFSFileSystem fs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        return out.toByteArray();
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
