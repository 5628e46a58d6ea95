package com.postwarden.spam.rules;

import java.util.Locale;

/**
 * Takes the address, display name and domain out of an address header value (RFC 5322 section 3.4) as
 * SpamAssassin's {@code :addr} and {@code :name} do: the first mailbox only, leniently. Hand-written because a
 * full RFC 5322 parser would reject the malformed headers spam is made of. Thread-safe (stateless).
 */
final class Addresses {
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("\\([^)]*\\)");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s,;]+");
    private Addresses() {
    }

    /** The first address: the text in angle brackets, else the first word holding an {@code @}, else the value. */
    static String address(String value) {
        int open = value.indexOf('<');
        int close = open < 0 ? -1 : value.indexOf('>', open);
        if (open >= 0 && close > open) {
            return value.substring(open + 1, close).strip();
        }
        String withoutComments = COMMENT.matcher(value).replaceAll(" ");
        for (String word : SEPARATORS.split(withoutComments)) {
            if (word.indexOf('@') > 0) {
                return word.replace("\"", "");
            }
        }
        return withoutComments.strip();
    }

    /** The display name: the text before the angle brackets, or a trailing comment, unquoted. */
    static String displayName(String value) {
        int open = value.indexOf('<');
        String name;
        if (open > 0) {
            name = value.substring(0, open);
        } else {
            int paren = value.indexOf('(');
            int close = value.lastIndexOf(')');
            name = paren >= 0 && close > paren ? value.substring(paren + 1, close) : "";
        }
        name = name.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }

    /** The lower-cased domain of the first address, or an empty string. */
    static String domain(String value) {
        String address = address(value);
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).replaceAll("[>\\s]", "").toLowerCase(Locale.ROOT);
    }
}
