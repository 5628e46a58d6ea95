package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.HeuristicSettings.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * File names made to look like something else, on attachments and archive entries (never the scanned object's
 * own name, a local path):
 * <ul>
 *   <li>{@value #DOUBLE_EXTENSION}: a document or media extension followed by one that runs code
 *       ({@code invoice.pdf.exe}, {@code scan.jpg .js}); Windows hides the last one by default.</li>
 *   <li>{@value #BIDI}: a bidirectional control (U+202A-U+202E, U+2066-U+2069) that reorders how the name is
 *       shown ({@code invoice\u202Efdp.exe} shows as {@code invoiceexe.pdf}).</li>
 *   <li>{@value #HIDDEN_EXTENSION}: a run of at least {@value #MIN_PADDING} blanks or dots right before the
 *       real extension, pushing it out of the visible column ({@code report.pdf            .exe}).</li>
 * </ul>
 */
final class NameTricks implements Heuristic {
    static final String DOUBLE_EXTENSION = "Heuristic.Name.DoubleExtension";
    static final String BIDI = "Heuristic.Name.Bidi";
    static final String HIDDEN_EXTENSION = "Heuristic.Name.HiddenExtension";
    static final int MIN_PADDING = 5;

    /** Extensions a user reads as a harmless document, picture, recording or archive. */
    static final Set<String> DECOYS = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
            "odp", "rtf", "txt", "csv", "xml", "htm", "html", "eml", "msg", "jpg", "jpeg", "png", "gif", "bmp",
            "tif", "tiff", "svg", "webp", "heic", "mp3", "mp4", "wav", "avi", "mov", "mkv", "wma", "wmv", "zip",
            "rar", "7z", "ics", "vcf");

    @Override
    public Set<String> names() {
        return Set.of(DOUBLE_EXTENSION, BIDI, HIDDEN_EXTENSION);
    }

    @Override
    public Level defaultLevel(String name) {
        return name.equals(HIDDEN_EXTENSION) ? Level.SUSPICIOUS : Level.MALICIOUS;
    }

    @Override
    public List<String> examine(ScannedObject object) {
        if (!object.extracted()) {
            return List.of();
        }
        String name = FileNames.baseName(object.name());
        List<String> found = new ArrayList<>(1);
        if (doubleExtension(name)) {
            found.add(DOUBLE_EXTENSION);
        }
        if (hasBidiControl(name)) {
            found.add(BIDI);
        }
        if (paddedExtension(name)) {
            found.add(HIDDEN_EXTENSION);
        }
        return found;
    }

    static boolean doubleExtension(String name) {
        Optional<String> real = FileNames.extension(name);
        if (real.isEmpty() || !FileNames.runsCodeExtension(real.get())) {
            return false;
        }
        return FileNames.extension(FileNames.stem(name)).filter(DECOYS::contains).isPresent();
    }

    static boolean hasBidiControl(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
                return true;
            }
        }
        return false;
    }

    static boolean paddedExtension(String name) {
        String trimmed = FileNames.stripTrailingDotsAndBlanks(name);
        int dot = trimmed.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        int run = 0;
        for (int i = dot - 1; i >= 0 && isPadding(trimmed.charAt(i)); i--) {
            run++;
        }
        // the padding must follow some visible name, not be the whole of it
        return run >= MIN_PADDING && run < dot;
    }

    private static boolean isPadding(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200b' || c == '\u3164' || c == '\u2800';
    }
}
