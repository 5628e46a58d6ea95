package com.postwarden.scan.internal.heuristic.office;

import java.util.Locale;
import java.util.Set;

/**
 * Splits VBA source into what {@link MacroFacts} needs: procedure declarations, identifiers of code and string
 * literals, with comments ({@code '} and {@code Rem}) dropped. Statements end at a line break or {@code :}; a
 * line ending in {@code " _"} continues. Hand-written: no Java library parses VBA, and only this much lexing is
 * needed. Linear in the source length (no look-ahead beyond a name's length); never throws.
 */
final class VbaLexer {
    private static final Set<String> MODIFIERS = Set.of("public", "private", "friend", "static");
    /** Identifier length kept; VBA allows 255 characters. */
    private static final int MAX_IDENTIFIER = 255;

    private VbaLexer() {
    }

    /** What the lexer reports, in source order. */
    interface Listener {
        /** A {@code Sub} or {@code Function} declared with this name. */
        void procedure(String name);

        /** An identifier of code; {@code afterDeclare} when the statement started with {@code Declare}. */
        void identifier(String name, boolean afterDeclare);

        /** The content of a string literal. */
        void text(String literal);
    }

    static void scan(String source, Listener listener) {
        new Statement(listener).scan(source);
    }

    /** The state of the statement being read. */
    private static final class Statement {
        private final Listener listener;
        private int tokens;
        private boolean modifiersOnly = true;
        private boolean declaresProcedure;
        private boolean declare;

        Statement(Listener listener) {
            this.listener = listener;
        }

        void scan(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' || c == ':') {
                    end();
                    i++;
                } else if (c == '_' && continuation(s, i)) {
                    i = skipLineBreak(s, i + 1);
                } else if (c == '\'') {
                    i = lineEnd(s, i);
                } else if (c == '"') {
                    i = string(s, i + 1);
                } else if (Character.isLetter(c)) {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    String word = s.substring(start, Math.min(i, start + MAX_IDENTIFIER));
                    if (tokens == 0 && "rem".equalsIgnoreCase(word)) {
                        i = lineEnd(s, i);
                    } else {
                        word(word);
                    }
                } else if (c == '[') {
                    int close = closingBracket(s, i + 1);
                    if (close > i + 1) {
                        word(s.substring(i + 1, close)); // [Shell] escapes a name
                        i = close + 1;
                    } else {
                        i++;
                    }
                } else {
                    i++;
                }
            }
        }

        private void word(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (declaresProcedure) {
                listener.procedure(word);
                declaresProcedure = false;
                modifiersOnly = false;
            } else if (modifiersOnly && ("sub".equals(lower) || "function".equals(lower))) {
                declaresProcedure = true;
            } else if (modifiersOnly && "declare".equals(lower)) {
                declare = true;
                modifiersOnly = false;
            } else {
                modifiersOnly &= MODIFIERS.contains(lower);
                listener.identifier(word, declare);
            }
            tokens++;
        }

        private void end() {
            tokens = 0;
            modifiersOnly = true;
            declaresProcedure = false;
            declare = false;
        }

        private int string(String s, int i) {
            StringBuilder literal = new StringBuilder();
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        literal.append('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (c == '\n' || c == '\r') {
                    break; // an unterminated literal ends with its line
                }
                literal.append(c);
                i++;
            }
            listener.text(literal.toString());
            modifiersOnly = false;
            tokens++;
            return i;
        }

        /** Whether the {@code _} at {@code i} follows white space and ends the line: a line continuation. */
        private static boolean continuation(String s, int i) {
            if (i == 0 || !Character.isWhitespace(s.charAt(i - 1))) {
                return false;
            }
            int j = i + 1;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            return j == s.length() || s.charAt(j) == '\r' || s.charAt(j) == '\n';
        }

        /** The {@code ]} closing an escaped name within {@link #MAX_IDENTIFIER} characters, or -1. */
        private static int closingBracket(String s, int from) {
            int end = Math.min(s.length(), from + MAX_IDENTIFIER + 1);
            for (int j = from; j < end; j++) {
                char c = s.charAt(j);
                if (c == ']') {
                    return j;
                }
                if (c == '\n' || c == '\r' || c == '[') {
                    return -1;
                }
            }
            return -1;
        }

        private static int skipLineBreak(String s, int i) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '\r') {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '\n') {
                i++;
            }
            return i;
        }

        private static int lineEnd(String s, int i) {
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            return i;
        }
    }
}
