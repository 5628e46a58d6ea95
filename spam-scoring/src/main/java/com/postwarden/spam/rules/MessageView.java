package com.postwarden.spam.rules;

import com.postwarden.spam.HeaderField;
import com.postwarden.spam.SpamMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The texts rules match, derived from one {@link SpamMessage} lazily and once, the way SpamAssassin presents
 * them: a header rule sees every value of the field, each ending with a newline; a body rule sees the Subject and
 * the text as paragraphs, each joined to one line; a rawbody rule sees the raw body in paragraphs; a uri rule sees
 * each URI (a bare {@code www.} address also as {@code http://www...}); a full rule the whole message (capped).
 * Not thread-safe: one per message evaluation.
 */
final class MessageView {
    /** Characters of the whole message a {@code full} rule sees. */
    static final int MAX_FULL_CHARS = 512 * 1024;

    private final SpamMessage message;
    private Map<String, List<HeaderField>> byName;
    private List<String> bodyParagraphs;
    private List<String> rawParagraphs;
    private List<String> uris;
    private String full;

    MessageView(SpamMessage message) {
        this.message = message;
    }

    SpamMessage message() {
        return message;
    }

    List<HeaderField> fields(String name) {
        if (byName == null) {
            byName = new HashMap<>();
            for (HeaderField field : message.headers()) {
                byName.computeIfAbsent(field.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>(2)).add(field);
            }
        }
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** The first decoded value of {@code name}, or {@code null} when the field is absent. */
    String first(String name) {
        List<HeaderField> fields = fields(name);
        return fields.isEmpty() ? null : fields.get(0).value();
    }

    List<String> bodyParagraphs() {
        if (bodyParagraphs == null) {
            String subject = first("Subject");
            bodyParagraphs = paragraphs((subject == null ? "" : subject + "\n\n") + message.text(), true);
        }
        return bodyParagraphs;
    }

    List<String> rawParagraphs() {
        if (rawParagraphs == null) {
            rawParagraphs = paragraphs(message.rawBody(), false);
        }
        return rawParagraphs;
    }

    List<String> uris() {
        if (uris == null) {
            List<String> all = new ArrayList<>(message.uris().size() + 4);
            for (String uri : message.uris()) {
                all.add(uri);
                if (uri.regionMatches(true, 0, "www.", 0, 4)) {
                    all.add("http://" + uri);
                }
            }
            uris = all;
        }
        return uris;
    }

    String full() {
        if (full == null) {
            byte[] raw = message.raw();
            full = new String(raw, 0, Math.min(raw.length, MAX_FULL_CHARS), StandardCharsets.ISO_8859_1);
        }
        return full;
    }

    /**
     * Splits {@code text} at blank lines; with {@code join}, the lines of a paragraph become one line, as
     * SpamAssassin's body rules see them.
     */
    private static List<String> paragraphs(String text, boolean join) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lineStart = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                String line = text.substring(lineStart, i > lineStart && text.charAt(i - 1) == '\r' ? i - 1 : i);
                if (line.isBlank()) {
                    flush(paragraphs, current);
                } else {
                    if (current.length() > 0) {
                        current.append(join ? ' ' : '\n');
                    }
                    current.append(join ? line.strip() : line);
                }
                lineStart = i + 1;
            }
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }
}
