package com.postwarden.smtp.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A structured header value such as {@code Content-Type} (RFC 2045 section 5.1) or {@code Content-Disposition}
 * (RFC 2183): a main value and parameters. Read leniently, as mail clients do: unquoted values may contain spaces,
 * a missing closing quote ends at the end of the field. Parameter names are lower-cased; values are decoded
 * (RFC 2231 charsets and continuations, then RFC 2047 encoded words, which many mailers use in file names).
 *
 * @param value      the main value, lower-cased and trimmed, e.g. {@code attachment} or {@code text/plain}
 * @param parameters decoded parameters by lower-case name, first occurrence kept
 */
record HeaderParameters(String value, Map<String, String> parameters) {
    private static final HeaderParameters NONE = new HeaderParameters("", Map.of());

    HeaderParameters {
        parameters = Map.copyOf(parameters);
    }

    static HeaderParameters none() {
        return NONE;
    }

    /** Parses an unfolded field value. */
    static HeaderParameters parse(String text, DefectLog defects) {
        List<String> segments = split(text);
        Map<String, String> raw = new LinkedHashMap<>();
        for (String segment : segments.subList(1, segments.size())) {
            int eq = segment.indexOf('=');
            if (eq > 0) {
                raw.putIfAbsent(segment.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        unquote(segment.substring(eq + 1).strip()));
            }
        }
        return new HeaderParameters(segments.get(0).strip().toLowerCase(Locale.ROOT),
                Rfc2231Parameters.decode(raw, defects));
    }

    /** A parameter's decoded value, when present and not blank. */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank());
    }

    /** Splits on semicolons outside quoted strings. */
    private static List<String> split(String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ';' && !quoted) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return segments;
    }

    /** Removes the quotes and backslash escapes of a quoted string (RFC 5322 section 3.2.4). */
    private static String unquote(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
