package com.postwarden.scan.internal.signature;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the PCRE of an {@code .ldb} subsignature into a {@link java.util.regex.Pattern} over bytes read as
 * ISO-8859-1 characters. What java.util.regex spells differently is rewritten: POSIX classes
 * ({@code [:alpha:]}), a literal {@code [} or {@code &&} inside a class, a {@code {} that is no quantifier,
 * {@code (?P<name>} groups, {@code (?#...)} comments, and {@code $} under the {@code E} flag. What it lacks
 * (recursion, subroutine calls, branch reset, conditionals, backtracking verbs, {@code \K}, ungreedy mode...)
 * rejects the subsignature with the reason "PCRE subsignature with unsupported construct". Stateless.
 */
public final class PcreTranslator {
    public static final String UNSUPPORTED = "PCRE subsignature with unsupported construct";
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\p{Space}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("word", "\\w"), Map.entry("ascii", "\\p{ASCII}"));

    private PcreTranslator() {
    }

    /** The compiled pattern; {@code flags} are the pattern flags of the subsignature ({@code imsxAEU} and others). */
    public static Pattern compile(String regex, String flags) throws SignatureFormatException {
        if (regex.isEmpty()) {
            throw new SignatureFormatException("PCRE subsignature with an empty pattern");
        }
        int javaFlags = Pattern.UNIX_LINES;
        boolean dollarEndOnly = false;
        for (int i = 0; i < flags.length(); i++) {
            switch (flags.charAt(i)) {
                case 'i' -> javaFlags |= Pattern.CASE_INSENSITIVE;
                case 's' -> javaFlags |= Pattern.DOTALL;
                case 'm' -> javaFlags |= Pattern.MULTILINE;
                case 'x' -> javaFlags |= Pattern.COMMENTS;
                case 'E' -> dollarEndOnly = true;
                case 'U' -> throw new SignatureFormatException(UNSUPPORTED);
                case 'g', 'r', 'e', 'A' -> {
                    // matching options, applied by the matcher
                }
                default -> throw new SignatureFormatException("PCRE subsignature with an unknown flag");
            }
        }
        String translated = translate(regex, dollarEndOnly && (javaFlags & Pattern.MULTILINE) == 0);
        try {
            return Pattern.compile(translated, javaFlags);
        } catch (IllegalArgumentException | StackOverflowError e) {
            throw new SignatureFormatException("PCRE subsignature does not compile");
        }
    }

    static String translate(String regex, boolean dollarEndOnly) throws SignatureFormatException {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        int classStart = -1;
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i = escape(regex, i, out);
                continue;
            }
            if (inClass) {
                if (c == ']' && i > classStart) {
                    inClass = false;
                    out.append(']');
                } else if (c == '[' && regex.startsWith("[:", i)) {
                    i = posixClass(regex, i, out);
                    continue;
                } else if (c == '[' || c == ']') {
                    out.append('\\').append(c);
                } else if (c == '&' && i + 1 < regex.length() && regex.charAt(i + 1) == '&') {
                    out.append("&\\&");
                    i++;
                } else {
                    out.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append('[');
                    i++;
                    if (i < regex.length() && regex.charAt(i) == '^') {
                        out.append('^');
                        i++;
                    }
                    classStart = i; // a ']' right at the start is literal
                    continue;
                }
                case '(' -> {
                    i = group(regex, i, out);
                    continue;
                }
                case '{' -> out.append(isQuantifier(regex, i) ? "{" : "\\{");
                case '}' -> out.append(closesQuantifier(regex, i) ? "}" : "\\}");
                case '$' -> out.append(dollarEndOnly ? "\\z" : "$");
                default -> out.append(c);
            }
            i++;
        }
        if (inClass) {
            throw new SignatureFormatException("PCRE subsignature does not compile");
        }
        return out.toString();
    }

    private static int escape(String regex, int at, StringBuilder out) throws SignatureFormatException {
        if (at + 1 >= regex.length()) {
            throw new SignatureFormatException("PCRE subsignature does not compile");
        }
        char next = regex.charAt(at + 1);
        if ("KCgoNu".indexOf(next) >= 0) {
            throw new SignatureFormatException(UNSUPPORTED);
        }
        out.append('\\').append(next);
        return at + 2;
    }

    private static int posixClass(String regex, int at, StringBuilder out) throws SignatureFormatException {
        int end = regex.indexOf(":]", at + 2);
        if (end < 0) {
            out.append("\\[");
            return at + 1;
        }
        String name = regex.substring(at + 2, end);
        boolean negated = name.startsWith("^");
        String java = POSIX.get(negated ? name.substring(1) : name);
        if (java == null) {
            throw new SignatureFormatException(UNSUPPORTED);
        }
        if (negated) {
            java = java.equals("\\w") ? "\\W" : "\\P" + java.substring(2);
        }
        out.append(java);
        return end + 2;
    }

    private static int group(String regex, int at, StringBuilder out) throws SignatureFormatException {
        if (regex.startsWith("(*", at) || regex.startsWith("(?|", at) || regex.startsWith("(?R", at)
                || regex.startsWith("(?&", at) || regex.startsWith("(?P>", at) || regex.startsWith("(?(", at)
                || regex.startsWith("(?+", at) || regex.startsWith("(?'", at)
                || at + 2 < regex.length() && regex.charAt(at + 1) == '?' && Character.isDigit(regex.charAt(at + 2))
                || regex.startsWith("(?-", at) && at + 3 < regex.length() && Character.isDigit(regex.charAt(at + 3))) {
            throw new SignatureFormatException(UNSUPPORTED);
        }
        if (regex.startsWith("(?#", at)) {
            int end = regex.indexOf(')', at);
            if (end < 0) {
                throw new SignatureFormatException("PCRE subsignature does not compile");
            }
            return end + 1;
        }
        if (regex.startsWith("(?P=", at)) {
            int end = regex.indexOf(')', at);
            String name = end < 0 ? "" : regex.substring(at + 4, end);
            checkGroupName(name);
            out.append("\\k<").append(name).append('>');
            return end + 1;
        }
        if (regex.startsWith("(?P<", at) || regex.startsWith("(?<", at) && at + 3 < regex.length()
                && regex.charAt(at + 3) != '=' && regex.charAt(at + 3) != '!') {
            int nameStart = regex.indexOf('<', at) + 1;
            int end = regex.indexOf('>', nameStart);
            String name = end < 0 ? "" : regex.substring(nameStart, end);
            checkGroupName(name);
            out.append("(?<").append(name).append('>');
            return end + 1;
        }
        if (regex.startsWith("(?", at)) {
            // inline options: Java reads U as Unicode classes, PCRE as ungreedy; J and X have no Java equivalent
            for (int i = at + 2; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == ':' || c == ')' || !Character.isLetter(c) && c != '-') {
                    break;
                }
                if ("UJXdu".indexOf(c) >= 0) {
                    throw new SignatureFormatException(UNSUPPORTED);
                }
            }
        }
        out.append('(');
        return at + 1;
    }

    private static void checkGroupName(String name) throws SignatureFormatException {
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            throw new SignatureFormatException(UNSUPPORTED);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 127 || !Character.isLetterOrDigit(c)) {
                throw new SignatureFormatException(UNSUPPORTED);
            }
        }
    }

    /** Whether the {@code {} at {@code at} opens a quantifier {@code {n}}, {@code {n,}} or {@code {n,m}}. */
    private static boolean isQuantifier(String regex, int at) {
        int i = at + 1;
        int digits = 0;
        while (i < regex.length() && regex.charAt(i) >= '0' && regex.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0 || at == 0) {
            return false;
        }
        if (i < regex.length() && regex.charAt(i) == ',') {
            i++;
            while (i < regex.length() && regex.charAt(i) >= '0' && regex.charAt(i) <= '9') {
                i++;
            }
        }
        return i < regex.length() && regex.charAt(i) == '}';
    }

    private static boolean closesQuantifier(String regex, int at) {
        int open = regex.lastIndexOf('{', at);
        return open >= 0 && (open == 0 || regex.charAt(open - 1) != '\\') && isQuantifier(regex, open)
                && regex.indexOf('}', open) == at;
    }
}
