package com.postwarden.scan;

import static com.postwarden.scan.HeuristicSamples.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Actions in PDFs written by PDFBox, saved both plain and with compressed object streams (PDFBox 3's default),
 * where the action dictionaries sit inside deflated streams.
 */
class PdfHeuristicsTest {
    private static final String JAVASCRIPT = "Heuristic.PDF.JavaScript";
    private static final String LAUNCH = "Heuristic.PDF.Launch";
    private static final String AUTO_OPEN_EMBEDDED = "Heuristic.PDF.AutoOpenEmbedded";

    @TempDir
    static Path databaseDir;
    @TempDir
    Path temp;

    private static SignatureDatabase database;

    @BeforeAll
    static void load() throws IOException {
        database = HeuristicSamples.eicarOnlyDatabase(databaseDir);
    }

    private ScanReport scanMail(String name, byte[] pdf) throws IOException {
        return HeuristicSamples.scanMail(HeuristicSamples.engine(database, temp, HeuristicSettings.defaults()),
                mail(name, "application/pdf", pdf));
    }

    private static ContainerPath attachment(String name) {
        return ContainerPath.of("msg").child(name);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDocumentRunningJavaScriptOnOpeningIsSuspicious(boolean compressed) throws IOException {
        byte[] pdf = save(document -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert('Please enable editing');")), compressed);
        ScanReport report = scanMail("form.pdf", pdf);
        assertThat(report.findings()).containsExactly(new Verdict.Suspicious(JAVASCRIPT, attachment("form.pdf")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDocumentLaunchingAProgramIsMalicious(boolean compressed) throws IOException {
        byte[] pdf = save(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new PDSimpleFileSpecification(new COSString("cmd.exe")));
            document.getDocumentCatalog().setOpenAction(launch);
        }, compressed);
        ScanReport report = scanMail("statement.pdf", pdf);
        assertThat(report.verdict()).isEqualTo(new Verdict.Infected(LAUNCH, attachment("statement.pdf")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEmbeddedFileWithAnOpeningActionIsSuspicious(boolean compressed) throws IOException {
        byte[] pdf = save(document -> {
            embed(document, "notes.txt", "embedded notes\n".getBytes(StandardCharsets.US_ASCII));
            PDActionGoTo goTo = new PDActionGoTo();
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(document.getPage(0));
            goTo.setDestination(destination);
            document.getDocumentCatalog().setOpenAction(goTo);
        }, compressed);
        ScanReport report = scanMail("package.pdf", pdf);
        assertThat(report.findings()).containsExactly(
                new Verdict.Suspicious(AUTO_OPEN_EMBEDDED, attachment("package.pdf")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEmbeddedFileAloneIsNoAction(boolean compressed) throws IOException {
        byte[] notes = "embedded notes\n".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = save(document -> embed(document, "notes.txt", notes), compressed);
        assertThat(scanMail("attachments.pdf", pdf).findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPlainDocumentIsClean(boolean compressed) throws IOException {
        byte[] pdf = save(document -> { }, compressed);
        ScanReport report = scanMail("letter.pdf", pdf);
        assertThat(report.verdict()).isEqualTo(Verdict.clean());
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void theWordJavaScriptInThePageTextIsNoAction() throws IOException {
        byte[] pdf = save(document -> { }, true, "/JavaScript /JS /Launch are PDF names");
        assertThat(scanMail("manual.pdf", pdf).findings()).isEmpty();
    }

    @Test
    void aNameHiddenBehindHexEscapesIsStillFound() throws IOException {
        String pdf = "%PDF-1.4\n"
                + "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                + "3 0 obj\n<< /S /J#61vaScr#69pt /J#53 (app.alert\\(1\\)) >>\nendobj\n"
                + "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
        ScanReport report = scanMail("escaped.pdf", pdf.getBytes(StandardCharsets.US_ASCII));
        assertThat(report.findings()).containsExactly(new Verdict.Suspicious(JAVASCRIPT, attachment("escaped.pdf")));
    }

    @Test
    void aFileScanOfAPdfLooksAtItsActionsToo() throws IOException {
        byte[] pdf = save(document -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert(1);")), true);
        ScanReport report = HeuristicSamples.engine(database, temp, HeuristicSettings.defaults())
                .scan(new ByteArrayInputStream(pdf), "form.pdf");
        assertThat(report.findings()).containsExactly(new Verdict.Suspicious(JAVASCRIPT, ContainerPath.of("form.pdf")));
    }

    private interface Change {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] save(Change change, boolean compressed) throws IOException {
        return save(change, compressed, "Dear customer, your statement is ready.");
    }

    /** A one-page document with {@code text} on the page, changed, saved with or without object streams. */
    private static byte[] save(Change change, boolean compressed, String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, compressed ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    private static void embed(PDDocument document, String name, byte[] data) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(data));
        file.setSubtype("text/plain");
        file.setSize(data.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setEmbeddedFile(file);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(name, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
    }

}
