package com.postwarden.smtp.reply;

/**
 * Reduces text we did not write (signature names, attachment names, client-chosen tokens) to printable ASCII
 * before it goes into a reply, a header or a log line, so it can neither break the protocol nor forge lines.
 */
public final class PrintableAscii {
    private PrintableAscii() {
    }

    /** At most {@code max} characters; anything outside 0x20–0x7e becomes {@code '?'}. */
    public static String of(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
