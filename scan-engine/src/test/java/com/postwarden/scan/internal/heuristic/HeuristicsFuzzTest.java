package com.postwarden.scan.internal.heuristic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.ContainerPath;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import java.util.List;
import java.util.Optional;

/**
 * Feeds arbitrary bytes to every standard heuristic, as the type they are detected as and as each type with a
 * parser of its own (PDF, HTML, OLE2, zip), under deceptive names; a heuristic must never throw. A normal build
 * replays the committed seeds in {@code HeuristicsFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class HeuristicsFuzzTest {
    private static final List<FileType> TYPES = List.of(FileType.PDF, FileType.HTML, FileType.OLE2, FileType.ZIP);
    private static final ContainerPath PATH = ContainerPath.of("msg").child("outer.zip").child("report.pdf\u202e.exe");

    @FuzzTest(maxDuration = "5m")
    void anyBytesAreExaminedWithoutThrowing(byte[] input) {
        Content content = Content.of(input);
        examine(content, FileTypes.detect(content));
        for (FileType type : TYPES) {
            examine(content, type);
        }
    }

    private static void examine(Content content, FileType type) {
        ScannedObject object = new ScannedObject(content, type, PATH, Optional.of("application/pdf"),
                List.of(FileType.MAIL, FileType.ZIP));
        for (Heuristic heuristic : Heuristics.standard()) {
            heuristic.examine(object);
        }
    }
}
