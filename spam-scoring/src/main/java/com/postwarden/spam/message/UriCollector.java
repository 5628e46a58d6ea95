package com.postwarden.spam.message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the URIs of a message, distinct and in order of appearance, up to a cap. Bare URLs in text are found
 * by one hand-written scan for {@code http://}, {@code https://} and {@code www.} (a regex over every text would
 * cost more than the rest of the reading); a URL ends at whitespace, a quote or an angle bracket, and trailing
 * punctuation is trimmed. Not thread-safe; one per message.
 */
final class UriCollector {
    private static final String URL_STOPS = "<>\"'`{}|\\^[]";
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'\"";

    private final Set<String> uris = new LinkedHashSet<>();
    private final int maxUris;
    private final int maxUriChars;

    UriCollector(int maxUris, int maxUriChars) {
        this.maxUris = maxUris;
        this.maxUriChars = maxUriChars;
    }

    /** Adds a URI taken from markup (an {@code href}, a {@code src}); blanks and {@code #fragments} are skipped. */
    void add(String uri) {
        String trimmed = uri.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || uris.size() >= maxUris) {
            return;
        }
        uris.add(trimmed.length() > maxUriChars ? trimmed.substring(0, maxUriChars) : trimmed);
    }

    /** Finds bare {@code http(s)://} and {@code www.} URLs in {@code text}. */
    void scan(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n && uris.size() < maxUris; i++) {
            char c = text.charAt(i);
            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                int start = urlStartLength(text, i);
                if (start > 0) {
                    int end = i + start;
                    while (end < n && end - i < maxUriChars && isUrlChar(text.charAt(end))) {
                        end++;
                    }
                    while (end > i + start && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                        end--;
                    }
                    if (end > i + start) {
                        add(text.subSequence(i, end).toString());
                    }
                    i = end - 1;
                }
            }
        }
    }

    List<String> uris() {
        return new ArrayList<>(uris);
    }

    /** The length of the scheme or {@code www.} prefix starting at {@code i}, or 0 when there is none. */
    private static int urlStartLength(CharSequence text, int i) {
        if (regionMatches(text, i, "http://")) {
            return 7;
        }
        if (regionMatches(text, i, "https://")) {
            return 8;
        }
        return regionMatches(text, i, "www.") ? 4 : 0;
    }

    private static boolean regionMatches(CharSequence text, int at, String lowerPrefix) {
        if (at + lowerPrefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != lowerPrefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUrlChar(char c) {
        return c > ' ' && c != 0x7f && !Character.isWhitespace(c) && URL_STOPS.indexOf(c) < 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/';
    }
}
