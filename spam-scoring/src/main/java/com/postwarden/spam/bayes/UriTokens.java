package com.postwarden.spam.bayes;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tokens of the URIs: scheme, host, registrable domain (or {@code url:ip} for a literal address), and the words
 * of the path and query, plus a bucketed URI count.
 *
 * <p>The registrable domain is approximated (the last two labels, three under the common second-level labels of
 * country domains such as {@code co.uk}): the token only has to group the hosts of one site stably, which the
 * approximation does for nearly all mail, without carrying the whole public suffix list.
 */
final class UriTokens {
    /** Only the first this many URIs are read. */
    static final int MAX_URIS = 100;

    private static final Pattern AUTHORITY = Pattern.compile("^([a-z][a-z0-9+.-]*):(?://)?([^/?#]*)(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PATH_SPLIT = Pattern.compile("[/?&=#.;,_+%-]+");
    private static final Pattern IP_HOST = Pattern.compile("^[0-9.]+$|^\\[.*\\]$|^0x[0-9a-f]+$|^\\d+$");
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "ne",
            "or", "go", "gen", "ltd", "plc", "nom", "mil");

    void add(List<String> uris, Tokenizer.TokenSink sink) {
        int n = Math.min(uris.size(), MAX_URIS);
        for (int i = 0; i < n; i++) {
            uri(uris.get(i), sink);
        }
        sink.add("url:count:" + bucket(uris.size()));
    }

    private static void uri(String uri, Tokenizer.TokenSink sink) {
        var m = AUTHORITY.matcher(uri.trim());
        if (!m.matches()) {
            sink.add("url:unparsed");
            return;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        sink.add("url:scheme:" + scheme);
        String authority = m.group(2).toLowerCase(Locale.ROOT);
        int at = authority.lastIndexOf('@');
        String host = at >= 0 ? authority.substring(at + 1) : authority;
        if (scheme.equals("mailto")) {
            sink.add("url:mailto:" + host.replaceAll("\\?.*$", ""));
            return;
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        if (at >= 0) {
            sink.add("url:userinfo");
        }
        if (IP_HOST.matcher(host).find()) {
            sink.add("url:ip");
        } else if (!host.isEmpty()) {
            sink.add("url:host:" + host);
            sink.add("url:domain:" + registrableDomain(host));
        }
        for (String part : PATH_SPLIT.split(m.group(3).toLowerCase(Locale.ROOT))) {
            if (part.length() >= 2 && part.length() <= 20) {
                sink.add("url:path:" + part);
            }
        }
    }

    static String registrableDomain(String host) {
        String[] labels = host.split("\\.");
        int n = labels.length;
        if (n <= 2) {
            return host;
        }
        boolean country = labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]);
        int keep = country ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
    }

    static int bucket(int count) {
        return count <= 2 ? count : count <= 5 ? 5 : count <= 10 ? 10 : count <= 30 ? 30 : 100;
    }
}
