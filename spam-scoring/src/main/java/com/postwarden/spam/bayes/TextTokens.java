package com.postwarden.spam.bayes;

import java.util.Locale;

/**
 * Words of running text. Words are split on white space, stripped of surrounding punctuation and lower-cased
 * (keeping {@code ! $ %}, which carry signal in spam). Words of fewer than 3 chars are dropped; words longer than
 * 12 chars become a coarse shape token ({@code skip:c 30}: first char and length in tens) as in SpamBayes,
 * except e-mail addresses, whose parts are kept. Long numbers become their length.
 */
final class TextTokens {
    static final int MIN_WORD = 3;
    static final int MAX_WORD = 12;
    /** Only the first this many chars of a text are read. */
    static final int MAX_TEXT = 200_000;

    void add(String text, String prefix, Tokenizer.TokenSink sink) {
        int end = Math.min(text.length(), MAX_TEXT);
        int i = 0;
        while (i < end && !sink.full()) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < end && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                word(text.substring(start, i), prefix, sink);
            }
        }
    }

    private static void word(String raw, String prefix, Tokenizer.TokenSink sink) {
        String w = strip(raw).toLowerCase(Locale.ROOT);
        int n = w.length();
        if (n < MIN_WORD) {
            return;
        }
        if (n <= MAX_WORD) {
            sink.add(prefix + (isNumber(w) && n > 6 ? "num:" + n : w));
            return;
        }
        int at = w.indexOf('@');
        if (at > 0 && at < n - 1 && w.indexOf('@', at + 1) < 0) {
            sink.add(prefix + "email name:" + w.substring(0, at));
            sink.add(prefix + "email addr:" + w.substring(at + 1));
            return;
        }
        sink.add(prefix + "skip:" + w.charAt(0) + " " + (n / 10 * 10));
    }

    /** Drops leading and trailing chars that are neither letters, digits nor one of {@code ! $ %}. */
    static String strip(String w) {
        int s = 0;
        int e = w.length();
        while (s < e && !kept(w.charAt(s))) {
            s++;
        }
        while (e > s && !kept(w.charAt(e - 1))) {
            e--;
        }
        return w.substring(s, e);
    }

    private static boolean kept(char c) {
        return Character.isLetterOrDigit(c) || c == '!' || c == '$' || c == '%';
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }
}
