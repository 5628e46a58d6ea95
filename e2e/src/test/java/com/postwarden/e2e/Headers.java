package com.postwarden.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reads header fields of raw test messages (RFC 5322 section 2.2; enough for test fixtures). */
final class Headers {

    private Headers() {}

    /** First field with this name (case-insensitive) in the header section, unfolded and trimmed. */
    static Optional<String> first(byte[] content, String name) {
        String wanted = name.toLowerCase(Locale.ROOT) + ":";
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length && !lines[i].isEmpty(); i++) {
            if (lines[i].toLowerCase(Locale.ROOT).startsWith(wanted)) {
                StringBuilder value = new StringBuilder(lines[i].substring(wanted.length()));
                while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                        && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                    value.append(lines[++i]);
                }
                return Optional.of(value.toString().trim());
            }
        }
        return Optional.empty();
    }
}
