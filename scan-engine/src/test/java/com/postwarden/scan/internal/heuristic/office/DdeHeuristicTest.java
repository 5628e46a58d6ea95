package com.postwarden.scan.internal.heuristic.office;

import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.scanned;
import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdeHeuristicTest {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String SPLIT_DDEAUTO = run("<w:fldChar w:fldCharType=\"begin\"/>")
            + run("<w:instrText xml:space=\"preserve\"> DDE</w:instrText>")
            + run("<w:instrText>AUTO c:\\\\Windows\\\\System32\\\\cmd.exe \"/k calc.exe\"</w:instrText>")
            + run("<w:fldChar w:fldCharType=\"separate\"/>") + run("<w:t>Loading</w:t>")
            + run("<w:fldChar w:fldCharType=\"end\"/>");
    private static final String PAGE_FIELD = run("<w:fldChar w:fldCharType=\"begin\"/>")
            + run("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>")
            + run("<w:fldChar w:fldCharType=\"separate\"/>") + run("<w:t>DDE</w:t>")
            + run("<w:fldChar w:fldCharType=\"end\"/>");

    private final DdeHeuristic heuristic = new DdeHeuristic();

    @ParameterizedTest
    @ValueSource(strings = {
        "SPLIT",
        "<w:fldSimple w:instr=\" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe &quot;/k calc&quot; \"><w:r><w:t>x</w:t></w:r></w:fldSimple>",
        "<w:fldSimple w:instr=\"dde &quot;c:\\\\windows\\\\system32\\\\cmd.exe&quot; &quot;/c calc&quot;\"/>",
    })
    void aDdeFieldInAWordPackageIsReported(String paragraph) throws IOException {
        byte[] document = word(paragraph.equals("SPLIT") ? SPLIT_DDEAUTO : paragraph);

        assertThat(heuristic.examine(scanned("order.docx", document))).containsExactly(DdeHeuristic.NAME);
    }

    @Test
    void ordinaryFieldsAndTheWordDdeInTextAreNotReported() throws IOException {
        byte[] document = word(PAGE_FIELD + run("<w:t>DDEAUTO is a field code.</w:t>")
                + "<w:fldSimple w:instr=\" HYPERLINK &quot;https://example.org/&quot; \"/>");

        assertThat(heuristic.examine(scanned("manual.docx", document))).isEmpty();
    }

    @Test
    void aDdeLinkAmongTheExternalLinksOfAnExcelPackageIsReported() throws IOException {
        byte[] workbook = OfficeSamples.withParts(OfficeSamples.excelReport(), Map.of(
                "xl/externalLinks/externalLink1.xml", utf8("<?xml version=\"1.0\"?>"
                        + "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<ddeLink ddeService=\"cmd\" ddeTopic=\"/c calc.exe\"><ddeItems><ddeItem name=\"A0\"/>"
                        + "</ddeItems></ddeLink></externalLink>")));

        assertThat(heuristic.examine(scanned("sales.xlsx", workbook))).containsExactly(DdeHeuristic.NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\\field{\\*\\fldinst DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\"}{\\fldrslt x}}",
        "{\\field{\\*\\fldinst {\\rtlch\\fcs1 \\af31507 D}{\\rtlch DE}{\\'41UTO c:\\\\cmd.exe}}{\\fldrslt }}",
        "{\\field{\\*\\fldinst\r\n dde \"c:\\\\windows\\\\cmd.exe\" \"/c calc\"}}",
    })
    void aDdeFieldInRtfIsReported(String field) {
        assertThat(heuristic.examine(scanned("order.rtf", rtf(field)))).containsExactly(DdeHeuristic.NAME);
    }

    @Test
    void ordinaryRtfFieldsAreNotReported() {
        byte[] document = rtf("{\\field{\\*\\fldinst HYPERLINK \"https://example.org/\"}{\\fldrslt DDE}}"
                + "{\\field{\\*\\fldinst {PAGE}}{\\fldrslt 1}} The DDEAUTO field is off. \\fldinstx");

        assertThat(heuristic.examine(scanned("manual.rtf", document))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1252", "UTF-16LE"})
    void aDdeFieldInTheTextOfAWord97DocumentIsReported(String encoding) throws IOException {
        byte[] document = word97("Dear customer,\r\u0013 DDEAUTO c:\\windows\\system32\\cmd.exe \"/k calc.exe\" "
                + "\u0014\u0015\r", Charset.forName(encoding));

        assertThat(heuristic.examine(scanned("order.doc", document))).containsExactly(DdeHeuristic.NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1252", "UTF-16LE"})
    void ordinaryFieldsInAWord97DocumentAreNotReported(String encoding) throws IOException {
        byte[] document = word97("Page \u0013 PAGE \u00141\u0015 of the DDE manual\r", Charset.forName(encoding));

        assertThat(heuristic.examine(scanned("manual.doc", document))).isEmpty();
    }

    @Test
    void normalDocumentsAreNotReported() throws IOException {
        assertThat(heuristic.examine(scanned("report.docx", OfficeSamples.wordReport()))).isEmpty();
        assertThat(heuristic.examine(scanned("sales.xlsx", OfficeSamples.excelReport()))).isEmpty();
        assertThat(heuristic.examine(scanned("sales.xls", OfficeSamples.excel97Report()))).isEmpty();
    }

    @Test
    void damagedDocumentsAreJudgedOnWhatWasReadAndDoNotThrow() throws IOException {
        byte[] cutAfterField = OfficeSamples.withParts(OfficeSamples.wordReport(), Map.of("word/document.xml",
                utf8("<w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:fldSimple w:instr=\"DDEAUTO calc\"/><w:p")));
        assertThat(heuristic.examine(scanned("cut.docx", cutAfterField))).containsExactly(DdeHeuristic.NAME);
        byte[] broken = OfficeSamples.withParts(OfficeSamples.wordReport(),
                Map.of("word/document.xml", utf8("<w:document xmlns:w=\"" + W + "\"><w:body><w:p>&undefined;")));
        assertThat(heuristic.examine(scanned("broken.docx", broken))).isEmpty();
        assertThat(heuristic.examine(scanned("cut.rtf", utf8("{\\rtf1{\\field{\\*\\fldinst \\")))).isEmpty();
        assertThat(heuristic.examine(scanned("cut.rtf", utf8("{\\rtf1{\\field{\\*\\fldinst \\'4")))).isEmpty();
    }

    @Test
    void manyNestedFieldInstructionsAreReadInLinearTime() {
        byte[] document = utf8("{\\rtf1" + "{\\*\\fldinst {\\b ".repeat(200_000) + "}");

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(heuristic.examine(scanned("deep.rtf", document))).isEmpty());
    }

    private static String run(String content) {
        return "<w:r>" + content + "</w:r>";
    }

    private static byte[] word(String paragraph) throws IOException {
        return OfficeSamples.withParts(OfficeSamples.wordReport(), Map.of("word/document.xml",
                utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + W
                        + "\"><w:body><w:p>" + run("<w:t>Your order</w:t>") + "</w:p><w:p>" + paragraph
                        + "</w:p></w:body></w:document>")));
    }

    private static byte[] rtf(String body) {
        return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\pard Your order " + body + "\\par}")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A Word 97 compound file whose {@code WordDocument} stream holds a 1 KiB header region (the FIB, zeros here)
     * and then the document text, as Word stores simple documents; POI cannot write Word 97 documents.
     */
    private static byte[] word97(String text, Charset charset) throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(new byte[] {(byte) 0xec, (byte) 0xa5, (byte) 0xc1, 0});
        stream.write(new byte[1020]);
        stream.write(text.getBytes(charset));
        POIFSFileSystem fs = new POIFSFileSystem();
        fs.getRoot().createDocument("WordDocument", new ByteArrayInputStream(stream.toByteArray()));
        fs.getRoot().createDocument("1Table", new ByteArrayInputStream(new byte[512]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        return out.toByteArray();
    }
}
