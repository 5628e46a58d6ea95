package com.postwarden.smtp.spam;

import com.postwarden.smtp.pipeline.AddedHeader;
import com.postwarden.spam.SpamResult;
import com.postwarden.spam.Symbol;
import java.util.List;
import java.util.Locale;

/**
 * The header fields SpamAssassin made the convention, so that mail clients' and MTAs' existing filters work:
 * {@code X-Spam-Status: Yes, score=7.3 required=5.0 tests=BAYES_99,HTML_ONLY}, {@code X-Spam-Score: 7.3} and
 * {@code X-Spam-Flag: YES} on spam. The test list is folded so that no line reaches 78 characters.
 */
final class SpamHeaders {
    private static final int LINE = 76;

    private SpamHeaders() {
    }

    static List<AddedHeader> of(SpamResult result) {
        String score = format(result.score());
        String status = (result.isSpam() ? "Yes" : "No") + ", score=" + score + " required=" + format(result.required())
                + " tests=" + tests(result.symbols(), "X-Spam-Status: ".length() + 30);
        List<AddedHeader> headers = List.of(new AddedHeader("X-Spam-Status", status),
                new AddedHeader("X-Spam-Score", score));
        if (!result.isSpam()) {
            return headers;
        }
        return List.of(headers.get(0), headers.get(1), new AddedHeader("X-Spam-Flag", "YES"));
    }

    /** Symbol names, comma-separated, folded with CRLF TAB before a line would grow past {@link #LINE}. */
    private static String tests(List<Symbol> symbols, int column) {
        if (symbols.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        int used = column;
        for (int i = 0; i < symbols.size(); i++) {
            String name = symbols.get(i).name().replaceAll("[^A-Za-z0-9_.-]", "_");
            String piece = i == 0 ? name : "," + name;
            if (i > 0 && used + piece.length() > LINE) {
                text.append(",\r\n\t");
                piece = name;
                used = 8;
            }
            text.append(piece);
            used += piece.length();
        }
        return text.toString();
    }

    static String format(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
