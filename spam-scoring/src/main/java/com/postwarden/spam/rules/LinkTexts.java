package com.postwarden.spam.rules;

/**
 * Finds links whose visible text names a domain other than the one the link goes to ({@code <a
 * href="http://evil.example">www.bank.example</a>}), the classic phishing disguise. One scan of the markup for
 * {@code <a ...href=...>text</a>} without an HTML parser: the message reader has already rendered the HTML, and
 * this check only needs anchors. Thread-safe (stateless).
 */
final class LinkTexts {
    private static final int MAX_ANCHORS = 200;

    private LinkTexts() {
    }

    static boolean mismatch(String html) {
        int from = 0;
        for (int anchors = 0; anchors < MAX_ANCHORS; anchors++) {
            int open = indexOfTag(html, from);
            if (open < 0) {
                return false;
            }
            int tagEnd = html.indexOf('>', open);
            if (tagEnd < 0) {
                return false;
            }
            int close = BuiltinChecks.indexOfIgnoreCase(html, "</a", tagEnd);
            int textEnd = close < 0 ? Math.min(html.length(), tagEnd + 500) : close;
            String href = attribute(html.substring(open, tagEnd), "href");
            String text = stripTags(html.substring(tagEnd + 1, Math.max(tagEnd + 1, textEnd))).strip();
            if (href != null && shownDomainDiffers(href, text)) {
                return true;
            }
            from = textEnd;
        }
        return false;
    }

    private static boolean shownDomainDiffers(String href, String text) {
        String target = Domains.host(href.strip());
        if (target.isEmpty() || text.isEmpty() || text.indexOf(' ') >= 0) {
            return false;
        }
        String shown = text.regionMatches(true, 0, "http", 0, 4) || text.regionMatches(true, 0, "www.", 0, 4)
                ? Domains.host(text) : "";
        if (shown.isEmpty() || shown.indexOf('.') < 0) {
            return false;
        }
        return !Domains.registrable(shown).equals(Domains.registrable(target));
    }

    private static int indexOfTag(String html, int from) {
        for (int i = html.indexOf('<', from); i >= 0 && i + 2 < html.length(); i = html.indexOf('<', i + 1)) {
            char a = html.charAt(i + 1);
            char after = html.charAt(i + 2);
            if ((a == 'a' || a == 'A') && Character.isWhitespace(after)) {
                return i;
            }
        }
        return -1;
    }

    private static String attribute(String tag, String name) {
        int at = BuiltinChecks.indexOfIgnoreCase(tag, name + "=");
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 1;
        if (start >= tag.length()) {
            return null;
        }
        char quote = tag.charAt(start);
        if (quote == '"' || quote == '\'') {
            int end = tag.indexOf(quote, start + 1);
            return end < 0 ? tag.substring(start + 1) : tag.substring(start + 1, end);
        }
        int end = start;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end))) {
            end++;
        }
        return tag.substring(start, end);
    }

    private static String stripTags(String markup) {
        StringBuilder text = new StringBuilder();
        boolean inTag = false;
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            } else if (!inTag) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
