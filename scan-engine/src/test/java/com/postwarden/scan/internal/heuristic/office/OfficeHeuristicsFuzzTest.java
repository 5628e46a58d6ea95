package com.postwarden.scan.internal.heuristic.office;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.ContainerPath;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.heuristic.Heuristic;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Feeds arbitrary bytes to the Office heuristics and their hand-written parsers; every call must return normally
 * (malformed input is simply not detected). A normal build replays the committed seeds in
 * {@code OfficeHeuristicsFuzzTestInputs/}; {@code JAZZER_FUZZ=1} with {@code -Dtest=} on one method fuzzes it.
 */
class OfficeHeuristicsFuzzTest {
    private static final List<Heuristic> HEURISTICS = OfficeHeuristics.all();

    @FuzzTest(maxDuration = "5m")
    void heuristicsReturnNormallyOnAnyCompoundFile(byte[] input) {
        examine(input, FileType.OLE2);
    }

    @FuzzTest(maxDuration = "5m")
    void heuristicsReturnNormallyOnAnyPackage(byte[] input) {
        examine(input, FileType.ZIP);
    }

    @FuzzTest(maxDuration = "5m")
    void heuristicsReturnNormallyOnAnyRtf(byte[] input) {
        examine(input, FileType.RTF);
    }

    @FuzzTest(maxDuration = "5m")
    void vbaLexerReturnsNormallyOnAnySource(byte[] input) {
        MacroFacts.of(List.of(new String(input, StandardCharsets.ISO_8859_1)));
    }

    @FuzzTest(maxDuration = "5m")
    void fieldParsersReturnNormallyOnAnyText(byte[] input) throws IOException {
        DdeFields.inWordprocessingMl(new ByteArrayInputStream(input));
        DdeFields.inWordText(new ByteArrayInputStream(input), input.length);
        try {
            XlmHeuristic.hasMacroSheet(new ByteArrayInputStream(input));
        } catch (IOException damaged) {
            // a record cut short is damage, reported as such
        }
    }

    private static void examine(byte[] input, FileType type) {
        ScannedObject object = new ScannedObject(Content.of(input), type, ContainerPath.of("fuzz"), Optional.empty());
        for (Heuristic heuristic : HEURISTICS) {
            heuristic.examine(object);
        }
    }
}
