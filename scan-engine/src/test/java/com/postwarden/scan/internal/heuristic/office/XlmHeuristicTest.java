package com.postwarden.scan.internal.heuristic.office;

import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.scanned;
import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XlmHeuristicTest {
    private final XlmHeuristic heuristic = new XlmHeuristic();

    @Test
    void anExcel97WorkbookWithAMacroSheetIsReported() throws IOException {
        byte[] workbook = excel97WithSheetType("Macro1", 0x02, 0x01); // very hidden, macro sheet

        assertThat(heuristic.examine(scanned("sales.xls", workbook))).containsExactly(XlmHeuristic.NAME);
    }

    @ParameterizedTest(name = "state {0}, type {1}")
    @CsvSource({"0, 0", "1, 0", "2, 0", "0, 2"})
    void worksheetsHiddenOrNotAndChartSheetsAreNotReported(int state, int type) throws IOException {
        byte[] workbook = excel97WithSheetType("Data", state, type);

        assertThat(heuristic.examine(scanned("sales.xls", workbook))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"xl/macrosheets/sheet1.xml", "xl/intlmacrosheets/sheet1.xml"})
    void anOoxmlWorkbookWithAMacroSheetPartIsReported(String part) throws IOException {
        byte[] workbook = OfficeSamples.withParts(OfficeSamples.excelReport(), Map.of(part,
                utf8("<?xml version=\"1.0\"?><xm:macrosheet xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\">"
                        + "<sheetData/></xm:macrosheet>")));

        assertThat(heuristic.examine(scanned("sales.xlsm", workbook))).containsExactly(XlmHeuristic.NAME);
    }

    @Test
    void normalWorkbooksWithFormulasAreNotReported() throws IOException {
        assertThat(heuristic.examine(scanned("sales.xlsx", OfficeSamples.excelReport()))).isEmpty();
        assertThat(heuristic.examine(scanned("sales.xls", OfficeSamples.excel97Report()))).isEmpty();
        assertThat(heuristic.examine(scanned("report.docx", OfficeSamples.wordReport()))).isEmpty();
    }

    @Test
    void truncatedWorkbooksAreNotReportedAndDoNotThrow() throws IOException {
        byte[] workbook = excel97WithSheetType("Macro1", 0, 1);
        for (int length : new int[] {0, 100, 600, workbook.length / 2}) {
            assertThat(heuristic.examine(scanned("cut.xls", Arrays.copyOf(workbook, length)))).isEmpty();
        }
        assertThatThrownBy(() -> XlmHeuristic.hasMacroSheet(new ByteArrayInputStream(new byte[] {(byte) 0x85, 0, 9, 0})))
                .isInstanceOf(IOException.class);
    }

    /**
     * An HSSF workbook with one more sheet whose BoundSheet8 record is then given {@code state} and {@code type}:
     * HSSF writes worksheets only.
     */
    private static byte[] excel97WithSheetType(String name, int state, int type) throws IOException {
        byte[] written;
        try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(OfficeSamples.excel97Report()))) {
            workbook.createSheet(name).createRow(0).createCell(0).setCellFormula("1+1");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            written = out.toByteArray();
        }
        POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(written));
        byte[] stream;
        try (DocumentInputStream in = fs.createDocumentInputStream("Workbook")) {
            stream = in.readAllBytes();
        }
        int sheets = 0;
        for (int pos = 0; pos + 4 <= stream.length; ) {
            int recordType = stream[pos] & 0xff | (stream[pos + 1] & 0xff) << 8;
            int length = stream[pos + 2] & 0xff | (stream[pos + 3] & 0xff) << 8;
            if (recordType == 0x0085 && ++sheets == 2) {
                stream[pos + 4 + 4] = (byte) state;
                stream[pos + 4 + 5] = (byte) type;
            }
            pos += 4 + length;
        }
        assertThat(sheets).isEqualTo(2);
        ((DocumentEntry) fs.getRoot().getEntry("Workbook")).delete();
        fs.getRoot().createDocument("Workbook", new ByteArrayInputStream(stream));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        return out.toByteArray();
    }
}
