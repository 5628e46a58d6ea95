package com.postwarden.spam.rules;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a Perl regular expression as SpamAssassin rule files write it ({@code /.../flags}, {@code m{...}},
 * {@code m!...!}) to a compiled {@link Pattern}. Hand-written because no library translates Perl syntax to
 * java.util.regex; the differences handled:
 * <ul>
 *   <li>modifiers {@code i m s x} map to Java flags; {@code g o} and the charset modifiers {@code a u l d} are
 *       ignored (they do not change what a rule matches once);</li>
 *   <li>POSIX classes {@code [:alpha:]} (and {@code [:^alpha:]}) become {@code \p{Alpha}} ({@code \P{..}});</li>
 *   <li>inside a bracket class, {@code [} and {@code &&} are literal in Perl but class operators in Java: they are
 *       escaped; a {@code ]} first in a class is literal in Perl and escaped here;</li>
 *   <li>a {@code {} that does not start a quantifier is literal in Perl and escaped here;</li>
 *   <li>{@code \N} (not a newline), {@code \x} with fewer than two digits, {@code \0} octal, {@code \o{..}},
 *       {@code \g1}/{@code \g{1}}, {@code (?P<name>..)}, {@code (?P=name)} and {@code (?#comment)} are rewritten;
 *       unknown escapes of letters are literal letters as in Perl;</li>
 *   <li>{@code \K}, branch reset {@code (?|..)}, embedded code, case-modification escapes and look-behinds of
 *       unbounded length (Java needs a bounded look-behind) are reported as unsupported.</li>
 * </ul>
 * Thread-safe (stateless).
 */
final class PerlRegex {
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(Map.entry("alpha", "Alpha"),
            Map.entry("digit", "Digit"), Map.entry("alnum", "Alnum"), Map.entry("upper", "Upper"),
            Map.entry("lower", "Lower"), Map.entry("space", "Space"), Map.entry("punct", "Punct"),
            Map.entry("print", "Print"), Map.entry("graph", "Graph"), Map.entry("cntrl", "Cntrl"),
            Map.entry("xdigit", "XDigit"), Map.entry("blank", "Blank"), Map.entry("ascii", "ASCII"));
    private static final String JAVA_LETTER_ESCAPES = "tnrfaedDsSwWbBAGZzhHvVRX";

    private PerlRegex() {
    }

    /** Compiles {@code literal}, a delimited Perl regex with optional modifiers. */
    static Pattern compile(String literal) throws UnsupportedRuleException {
        String text = literal.strip();
        char open;
        int bodyStart;
        if (text.startsWith("/")) {
            open = '/';
            bodyStart = 1;
        } else if (text.length() > 1 && text.charAt(0) == 'm' && !Character.isLetterOrDigit(text.charAt(1))
                && !Character.isWhitespace(text.charAt(1))) {
            open = text.charAt(1);
            bodyStart = 2;
        } else {
            throw new UnsupportedRuleException("not a regex", literal);
        }
        char close = closing(open);
        int end = findClose(text, bodyStart, open, close);
        if (end < 0) {
            throw new UnsupportedRuleException("unterminated regex", literal);
        }
        int flags = flags(text.substring(end + 1).strip(), literal);
        String body = text.substring(bodyStart, end);
        String translated = translate(body, literal);
        try {
            return Pattern.compile(translated, flags);
        } catch (PatternSyntaxException e) {
            String description = String.valueOf(e.getDescription());
            if (description.contains("Look-behind")) {
                throw new UnsupportedRuleException("look-behind Java cannot do", literal);
            }
            throw new UnsupportedRuleException("regex Java cannot compile", literal + " (" + description + ")");
        } catch (StackOverflowError | IllegalArgumentException e) {
            throw new UnsupportedRuleException("regex Java cannot compile", literal);
        }
    }

    private static char closing(char open) {
        switch (open) {
            case '{':
                return '}';
            case '(':
                return ')';
            case '[':
                return ']';
            case '<':
                return '>';
            default:
                return open;
        }
    }

    private static int findClose(String text, int from, char open, char close) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == close && depth == 0) {
                return i;
            } else if (open != close && c == open) {
                depth++;
            } else if (open != close && c == close) {
                depth--;
            }
        }
        return -1;
    }

    private static int flags(String modifiers, String literal) throws UnsupportedRuleException {
        int flags = 0;
        for (int i = 0; i < modifiers.length(); i++) {
            char m = modifiers.charAt(i);
            switch (m) {
                case 'i':
                    flags |= Pattern.CASE_INSENSITIVE;
                    break;
                case 'm':
                    flags |= Pattern.MULTILINE;
                    break;
                case 's':
                    flags |= Pattern.DOTALL;
                    break;
                case 'x':
                    flags |= Pattern.COMMENTS;
                    break;
                case 'g':
                case 'o':
                case 'a':
                case 'u':
                case 'l':
                case 'd':
                    break;
                default:
                    throw new UnsupportedRuleException("regex modifier", m + " in " + literal);
            }
        }
        return flags;
    }

    /** Rewrites the Perl pattern body to Java syntax. */
    static String translate(String perl, String literal) throws UnsupportedRuleException {
        StringBuilder java = new StringBuilder(perl.length() + 16);
        boolean inClass = false;
        int n = perl.length();
        for (int i = 0; i < n; i++) {
            char c = perl.charAt(i);
            if (c == '\\' && i + 1 < n) {
                i = escape(perl, i + 1, inClass, java, literal);
            } else if (c == '\\') {
                java.append("\\\\");
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                    java.append(c);
                } else if (c == '[' && i + 1 < n && perl.charAt(i + 1) == ':') {
                    i = posixClass(perl, i, java);
                } else if (c == '[') {
                    java.append("\\[");
                } else if (c == '&' && i + 1 < n && perl.charAt(i + 1) == '&') {
                    java.append("&\\&");
                    i++;
                } else {
                    java.append(c);
                }
            } else if (c == '[') {
                inClass = true;
                java.append('[');
                if (i + 1 < n && perl.charAt(i + 1) == '^') {
                    java.append('^');
                    i++;
                }
                if (i + 1 < n && perl.charAt(i + 1) == ']') {
                    java.append("\\]");
                    i++;
                }
            } else if (c == '{') {
                java.append(isQuantifier(perl, i) ? "{" : "\\{");
            } else if (c == '(' && i + 1 < n && perl.charAt(i + 1) == '?') {
                i = group(perl, i, java, literal);
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }

    /** Translates the escape whose letter is at {@code i}; returns the index of its last character. */
    private static int escape(String perl, int i, boolean inClass, StringBuilder java, String literal)
            throws UnsupportedRuleException {
        char e = perl.charAt(i);
        int n = perl.length();
        if (e == 'Q') {
            int end = perl.indexOf("\\E", i + 1);
            int stop = end < 0 ? n : end;
            java.append(Pattern.quote(perl.substring(i + 1, stop)));
            return end < 0 ? n - 1 : end + 1;
        }
        if (e == 'E') {
            return i;
        }
        if ((e == 'x' || e == 'p' || e == 'P' || e == 'N') && i + 1 < n && perl.charAt(i + 1) == '{') {
            int close = perl.indexOf('}', i);
            if (close < 0) {
                throw new UnsupportedRuleException("regex Java cannot compile", literal);
            }
            java.append('\\').append(perl, i, close + 1);
            return close;
        }
        if (e == 'x') {
            int digits = 0;
            while (digits < 2 && i + 1 + digits < n && isHex(perl.charAt(i + 1 + digits))) {
                digits++;
            }
            String hex = perl.substring(i + 1, i + 1 + digits);
            java.append("\\x").append("00".substring(hex.length())).append(hex);
            return i + digits;
        }
        if (e == '0') {
            int digits = 0;
            while (digits < 2 && i + 1 + digits < n && perl.charAt(i + 1 + digits) >= '0'
                    && perl.charAt(i + 1 + digits) <= '7') {
                digits++;
            }
            java.append(digits == 0 ? "\\x00" : "\\0" + perl.substring(i + 1, i + 1 + digits));
            return i + digits;
        }
        if (e >= '1' && e <= '9' && inClass) {
            java.append("\\0").append(e);
            return i;
        }
        if (e == 'o' && i + 1 < n && perl.charAt(i + 1) == '{') {
            int close = perl.indexOf('}', i);
            if (close < 0) {
                throw new UnsupportedRuleException("regex Java cannot compile", literal);
            }
            try {
                java.append("\\x{").append(Integer.toHexString(Integer.parseInt(perl.substring(i + 2, close), 8)))
                        .append('}');
            } catch (NumberFormatException bad) {
                throw new UnsupportedRuleException("regex Java cannot compile", literal);
            }
            return close;
        }
        if (e == 'g') {
            return backReference(perl, i, java, literal);
        }
        if (e == 'N' && !(i + 1 < n && perl.charAt(i + 1) == '{')) {
            java.append(inClass ? "\\n" : "[^\\n]");
            return i;
        }
        if (e == 'K' || e == 'l' || e == 'u' || e == 'L' || e == 'U') {
            throw new UnsupportedRuleException("regex escape Java lacks", "\\" + e + " in " + literal);
        }
        if (e == 'p' || e == 'P' || e == 'c' || e == 'k' || e == 'N' || (e >= '1' && e <= '9')
                || JAVA_LETTER_ESCAPES.indexOf(e) >= 0 || !Character.isLetter(e)) {
            java.append('\\').append(e);
            return i;
        }
        java.append(e); // Perl reads an unknown letter escape as the letter itself; Java rejects it
        return i;
    }

    private static int backReference(String perl, int i, StringBuilder java, String literal)
            throws UnsupportedRuleException {
        int n = perl.length();
        int start = i + 1;
        boolean braced = start < n && perl.charAt(start) == '{';
        int end = braced ? perl.indexOf('}', start) : start;
        if (!braced) {
            while (end < n && Character.isDigit(perl.charAt(end))) {
                end++;
            }
        }
        String number = braced && end > 0 ? perl.substring(start + 1, end) : perl.substring(start, end);
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
            throw new UnsupportedRuleException("regex escape Java lacks", "\\g in " + literal);
        }
        java.append('\\').append(number);
        return braced ? end : end - 1;
    }

    private static int posixClass(String perl, int i, StringBuilder java) {
        int end = perl.indexOf(":]", i + 2);
        if (end < 0) {
            java.append("\\[");
            return i;
        }
        String name = perl.substring(i + 2, end);
        boolean negated = name.startsWith("^");
        if (name.equals("word") || name.equals("^word")) {
            java.append(negated ? "\\W" : "\\w");
            return end + 1;
        }
        String javaName = POSIX_CLASSES.get(negated ? name.substring(1) : name);
        if (javaName == null) {
            java.append("\\[");
            return i;
        }
        java.append(negated ? "\\P{" : "\\p{").append(javaName).append('}');
        return end + 1;
    }

    private static int group(String perl, int i, StringBuilder java, String literal) throws UnsupportedRuleException {
        String rest = perl.substring(i + 2, Math.min(perl.length(), i + 4));
        if (rest.startsWith("#")) {
            int close = perl.indexOf(')', i);
            return close < 0 ? perl.length() - 1 : close;
        }
        if (rest.startsWith("P<")) {
            java.append("(?<");
            return i + 3;
        }
        if (rest.startsWith("P=")) {
            int close = perl.indexOf(')', i);
            if (close < 0) {
                throw new UnsupportedRuleException("regex Java cannot compile", literal);
            }
            java.append("\\k<").append(perl, i + 4, close).append('>');
            return close;
        }
        if (rest.startsWith("|") || rest.startsWith("{") || rest.startsWith("?{") || rest.startsWith("^")
                || rest.startsWith("P>") || rest.startsWith("R") || rest.startsWith("&")) {
            throw new UnsupportedRuleException("regex construct Java lacks", "(?" + rest + " in " + literal);
        }
        java.append('(');
        return i;
    }

    private static boolean isQuantifier(String perl, int i) {
        int j = i + 1;
        int n = perl.length();
        int digits = 0;
        while (j < n && Character.isDigit(perl.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (j < n && perl.charAt(j) == '}') {
            return true;
        }
        if (j >= n || perl.charAt(j) != ',') {
            return false;
        }
        j++;
        while (j < n && Character.isDigit(perl.charAt(j))) {
            j++;
        }
        return j < n && perl.charAt(j) == '}';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
