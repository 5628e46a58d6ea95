package com.postwarden.scan.external;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields of one ICAP reply, names case-insensitive. A field folded over several lines (RFC 3507
 * section 4.3.1, as c-icap does for {@code X-Violations-Found}) keeps its lines, joined by {@code '\n'}.
 */
final class IcapHeaders {

    private final Map<String, List<String>> fields;

    private IcapHeaders(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** The first value of {@code name}, trimmed. */
    Optional<String> first(String name) {
        List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
    }

    /** Every value of {@code name}, including comma-separated lists split apart, trimmed. */
    List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String value : fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    out.add(token.strip());
                }
            }
        }
        return out;
    }

    /** Collects fields line by line, as they are read. */
    static final class Builder {
        private final Map<String, List<String>> fields = new LinkedHashMap<>();
        private List<String> lastValues;
        private int count;

        /** Adds one header line (without CRLF); {@code false} if it is neither a field nor a continuation. */
        boolean line(String line) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (lastValues == null) {
                    return false;
                }
                int last = lastValues.size() - 1;
                lastValues.set(last, lastValues.get(last) + "\n" + line.strip());
                return true;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            lastValues = fields.computeIfAbsent(name, n -> new ArrayList<>());
            lastValues.add(line.substring(colon + 1).strip());
            count++;
            return true;
        }

        int count() {
            return count;
        }

        IcapHeaders build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new IcapHeaders(Collections.unmodifiableMap(copy));
        }
    }
}
