package com.postwarden.spam.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Host names as the built-in checks compare them: the host of a URI, the registrable domain (the label before
 * the public suffix, with the common two-level suffixes such as {@code co.uk} known; not the full Public Suffix
 * List, which these checks do not need), and the lists shipped as resources. Thread-safe (immutable).
 */
final class Domains {
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "ne",
            "or", "go");

    private Domains() {
    }

    /** The lower-case host of a URI ({@code http://h/...}, {@code www.h/...}, {@code //h}), or empty. */
    static String host(String uri) {
        String rest = uri;
        int scheme = rest.indexOf("://");
        if (scheme >= 0 && scheme < 10) {
            rest = rest.substring(scheme + 3);
        } else if (rest.startsWith("//")) {
            rest = rest.substring(2);
        } else if (!rest.regionMatches(true, 0, "www.", 0, 4)) {
            return "";
        }
        int end = 0;
        while (end < rest.length() && "/?#\\".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String host = at >= 0 ? authority.substring(at + 1) : authority;
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** {@code a.b.example.co.uk} becomes {@code example.co.uk}; {@code mail.example.com}, {@code example.com}. */
    static String registrable(String host) {
        String[] labels = host.split("\\.");
        if (labels.length <= 2) {
            return host;
        }
        int keep = labels[labels.length - 1].length() == 2 && SECOND_LEVEL.contains(labels[labels.length - 2])
                ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, Math.max(0, labels.length - keep),
                labels.length));
    }

    /** The registrable domain without its suffix: {@code example} for {@code example.co.uk}. */
    static String brandLabel(String registrable) {
        int dot = registrable.indexOf('.');
        return dot < 0 ? registrable : registrable.substring(0, dot);
    }

    /** The Unicode form of a punycode host, or the host itself when it is not valid IDNA. */
    static String unicode(String host) {
        try {
            return IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notIdna) {
            return host;
        }
    }

    /** Loads a resource list next to this class: one entry a line, {@code #} comments, lower-cased. */
    static Set<String> list(String resource) {
        Set<String> entries = new LinkedHashSet<>();
        try (InputStream in = Domains.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(entries);
    }
}
