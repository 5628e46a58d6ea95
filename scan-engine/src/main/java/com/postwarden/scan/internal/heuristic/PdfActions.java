package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.container.document.PdfNames;
import com.postwarden.scan.internal.filetype.FileType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Actions in a PDF's objects, told by the names its dictionaries use ({@link PdfNames}: escapes decoded,
 * compressed object streams opened; page content is not looked at):
 * <ul>
 *   <li>{@value #JAVASCRIPT}: a JavaScript action or name tree entry ({@code /JavaScript}, {@code /JS}).</li>
 *   <li>{@value #LAUNCH}: a launch action ({@code /Launch}), which runs a program or opens a file.</li>
 *   <li>{@value #AUTO_OPEN_EMBEDDED}: an action run on opening the document or a page ({@code /OpenAction},
 *       {@code /AA}) in a document that carries an embedded file ({@code /EmbeddedFile}, {@code /EmbeddedFiles},
 *       {@code /EF}), the way droppers open their payload.</li>
 * </ul>
 * For PDFs wherever they are, the scanned object too: these look at what the document does, not how it came.
 */
final class PdfActions implements Heuristic {
    static final String JAVASCRIPT = "Heuristic.PDF.JavaScript";
    static final String LAUNCH = "Heuristic.PDF.Launch";
    static final String AUTO_OPEN_EMBEDDED = "Heuristic.PDF.AutoOpenEmbedded";

    private static final Set<String> SCRIPT_NAMES = Set.of("JavaScript", "JS");
    private static final Set<String> AUTO_NAMES = Set.of("OpenAction", "AA");
    private static final Set<String> EMBEDDED_NAMES = Set.of("EmbeddedFile", "EmbeddedFiles", "EF");
    private static final Set<String> WANTED = Set.of("JavaScript", "JS", "Launch", "OpenAction", "AA", "EmbeddedFile",
            "EmbeddedFiles", "EF");

    @Override
    public Set<String> names() {
        return Set.of(JAVASCRIPT, LAUNCH, AUTO_OPEN_EMBEDDED);
    }

    @Override
    public Level defaultLevel(String name) {
        return name.equals(LAUNCH) ? Level.MALICIOUS : Level.SUSPICIOUS;
    }

    @Override
    public List<String> examine(ScannedObject object) {
        if (object.type() != FileType.PDF) {
            return List.of();
        }
        Set<String> used = PdfNames.used(object.content(), WANTED);
        List<String> found = new ArrayList<>(0);
        if (used.stream().anyMatch(SCRIPT_NAMES::contains)) {
            found.add(JAVASCRIPT);
        }
        if (used.contains("Launch")) {
            found.add(LAUNCH);
        }
        if (used.stream().anyMatch(AUTO_NAMES::contains) && used.stream().anyMatch(EMBEDDED_NAMES::contains)) {
            found.add(AUTO_OPEN_EMBEDDED);
        }
        return found;
    }
}
