package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body, logical and ignore lines of one file or of one container's text entries, kept apart until the
 * container passed its checks and merged into the load in file order. Not thread-safe: one per file.
 */
final class FileContents {
    final List<BodySignature> body = new ArrayList<>();
    final List<LogicalSignature> logical = new ArrayList<>();
    final List<String> ignoreLines = new ArrayList<>();
    final Map<String, Long> loaded = new HashMap<>();
    final SkipReasons skipped = new SkipReasons();

    /** Reads the lines of one file or entry of {@code type}. */
    void entry(String type, FileKind kind, InputStream in) throws IOException {
        if (kind == FileKind.UNSUPPORTED && (type.equals("cbc") || type.startsWith("yar"))) {
            skipped.add(type + ": signature type unsupported");
            return;
        }
        LineReader lines = new LineReader(in);
        long count = 0;
        while (lines.next()) {
            if (lines.tooLong()) {
                skipped.add(type + ": line too long");
                continue;
            }
            if (lines.isBlank() || lines.isComment()) {
                continue;
            }
            String problem = line(type, kind, lines.text());
            if (problem == null) {
                count++;
            } else {
                skipped.add(type + ": " + problem);
            }
        }
        if (count > 0) {
            loaded.merge(type, count, Long::sum);
        }
    }

    private String line(String type, FileKind kind, String text) {
        try {
            switch (kind) {
                case BODY -> body.add(NdbParser.parse(text));
                case LOGICAL -> logical.add(LdbParser.parse(text));
                case IGNORE -> {
                    IgnoreList.Builder check = IgnoreList.builder();
                    String problem = check.add(text);
                    if (problem != null) {
                        return problem;
                    }
                    ignoreLines.add(text);
                }
                default -> {
                    return "signature type unsupported";
                }
            }
            return null;
        } catch (SignatureFormatException e) {
            return e.reason();
        } catch (RuntimeException | StackOverflowError e) {
            // a parser defect must not stop the load; the count makes it visible
            return "line the parser could not handle";
        }
    }
}
