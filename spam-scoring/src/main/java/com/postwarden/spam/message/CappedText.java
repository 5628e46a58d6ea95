package com.postwarden.spam.message;

/** A text buffer that silently stops growing at its cap. Not thread-safe; one per message. */
final class CappedText {
    private final StringBuilder text = new StringBuilder();
    private final int cap;

    CappedText(int cap) {
        this.cap = cap;
    }

    boolean full() {
        return text.length() >= cap;
    }

    void append(CharSequence s) {
        int room = cap - text.length();
        if (room > 0) {
            text.append(s, 0, Math.min(room, s.length()));
        }
    }

    void append(char c) {
        if (text.length() < cap) {
            text.append(c);
        }
    }

    /** Ends the current line unless the text is empty or already ends one. */
    void newline() {
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) != '\n') {
            append('\n');
        }
    }

    /** Adds a blank line (a paragraph break) unless there is one already. */
    void paragraph() {
        newline();
        int n = text.length();
        if (n > 1 && text.charAt(n - 2) != '\n') {
            append('\n');
        }
    }

    int length() {
        return text.length();
    }

    /** The text from {@code start} to the end. */
    String from(int start) {
        return text.substring(start);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
