package com.postwarden.spam.dns;

import java.util.ArrayList;
import java.util.List;

/** A zone file built line by line for {@link NsdServer}; TXT texts longer than 255 bytes are split in strings. */
public final class TestZone {
    private static final int MAX_TXT_STRING = 255;

    private final String origin;
    private final List<String> lines = new ArrayList<>();

    private TestZone(String origin) {
        this.origin = origin.endsWith(".") ? origin : origin + ".";
        lines.add("$ORIGIN " + this.origin);
        lines.add("$TTL 300");
        lines.add("@ IN SOA ns." + this.origin + " hostmaster." + this.origin + " 1 3600 600 86400 300");
        lines.add("@ IN NS ns." + this.origin);
        lines.add("ns IN A 127.0.0.1");
    }

    public static TestZone of(String origin) {
        return new TestZone(origin);
    }

    public String origin() {
        return origin;
    }

    /** A TXT record; {@code name} is absolute when it ends with a dot, else relative to the origin. */
    public TestZone txt(String name, String text) {
        StringBuilder strings = new StringBuilder();
        for (int start = 0; start < text.length(); start += MAX_TXT_STRING) {
            String part = text.substring(start, Math.min(text.length(), start + MAX_TXT_STRING));
            strings.append(" \"").append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        lines.add(name + " IN TXT" + strings);
        return this;
    }

    public TestZone a(String name, String address) {
        lines.add(name + " IN A " + address);
        return this;
    }

    public TestZone aaaa(String name, String address) {
        lines.add(name + " IN AAAA " + address);
        return this;
    }

    public TestZone mx(String name, int preference, String host) {
        lines.add(name + " IN MX " + preference + " " + host);
        return this;
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }
}
