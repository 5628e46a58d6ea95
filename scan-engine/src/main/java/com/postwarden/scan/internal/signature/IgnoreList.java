package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Signature names to drop, from {@code .ign2} ({@code Name} or {@code Name:md5}) and legacy {@code .ign}
 * ({@code db:line:Name}) files. With an MD5, only the database line whose MD5 it is gets dropped, so an updated
 * signature comes back. The builder is not thread-safe; a {@link #freeze() frozen} list is.
 */
public final class IgnoreList {
    public static final IgnoreList NONE = new IgnoreList(Map.of());

    /** Names to line MD5s (lower-case hex); an empty set drops every line of that name. */
    private final Map<String, Set<String>> entries;

    private IgnoreList(Map<String, Set<String>> entries) {
        this.entries = entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether the signature {@code name} whose database line {@code line} supplies is dropped. */
    public boolean ignores(String name, Supplier<String> line) {
        Set<String> md5s = entries.get(name);
        if (md5s == null) {
            return false;
        }
        if (md5s.isEmpty()) {
            return true;
        }
        return md5s.contains(md5(line.get()));
    }

    private static String md5(String line) {
        MessageDigest md5 = HashAlgorithm.MD5.newDigest();
        return HexFormat.of().formatHex(md5.digest(line.getBytes(StandardCharsets.UTF_8)));
    }

    /** Collects entries from ignore files. */
    public static final class Builder {
        private final Set<String> unconditional = new HashSet<>();
        private final Map<String, Set<String>> byLine = new HashMap<>();
        private long count;

        /** Reads one {@code .ign} or {@code .ign2} file; {@code type} names it in skip reasons. */
        public void parse(InputStream in, String type, SkipReasons skipped) throws IOException {
            LineReader lines = new LineReader(in);
            while (lines.next()) {
                if (lines.tooLong()) {
                    skipped.add(type + ": line too long");
                } else if (!lines.isBlank() && !lines.isComment()) {
                    String problem = add(lines.text());
                    if (problem != null) {
                        skipped.add(type + ": " + problem);
                    }
                }
            }
        }

        /** Adds one line; returns the skip reason or {@code null}. */
        public String add(String line) {
            String[] fields = line.split(":", -1);
            String name;
            String md5 = null;
            if (fields.length == 1) {
                name = fields[0];
            } else if (fields.length == 2) {
                name = fields[0];
                md5 = fields[1].toLowerCase(java.util.Locale.ROOT);
                if (!name.isEmpty() && (md5.length() != 32
                        || !HexDigits.allHex(md5.getBytes(StandardCharsets.ISO_8859_1), 0, 32))) {
                    return "malformed MD5";
                }
            } else if (fields.length == 3) {
                name = fields[2];
            } else {
                return "malformed line";
            }
            if (name.isEmpty()) {
                return "malformed line";
            }
            if (md5 == null) {
                unconditional.add(name);
            } else {
                byLine.computeIfAbsent(name, n -> new HashSet<>()).add(md5);
            }
            count++;
            return null;
        }

        /** Entries added so far. */
        public long count() {
            return count;
        }

        public IgnoreList freeze() {
            Map<String, Set<String>> frozen = new HashMap<>();
            byLine.forEach((name, md5s) -> frozen.put(name, Set.copyOf(md5s)));
            unconditional.forEach(name -> frozen.put(name, Set.of()));
            return new IgnoreList(Map.copyOf(frozen));
        }
    }
}
