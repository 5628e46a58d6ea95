package com.postwarden.spam.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Parses SpamAssassin's {@code meta} expressions (and the conditions of {@code if} lines) with Perl's operator
 * precedence: unary {@code !} and {@code -}; {@code * /}; {@code + -}; {@code < > <= >=}; {@code == !=};
 * {@code &&}; {@code ||}; parentheses; decimal numbers; rule names, which evaluate to the rule's hit count.
 * A truth value is 1 or 0, as in Perl. Hand-written: the grammar is a dozen lines and no library parses it.
 * Thread-safe (stateless); the parsed {@link Node}s are immutable.
 */
final class MetaExpression {
    private static final Set<String> TWO_CHAR_OPERATORS = Set.of("&&", "||", "==", "!=", ">=", "<=");

    /** A parsed expression over rule values indexed as the resolver said; unknown names (index -1) are 0. */
    @FunctionalInterface
    interface Node {
        double value(double[] values);
    }

    private final List<String> tokens;
    private final ToIntFunction<String> resolver;
    private int position;

    private MetaExpression(List<String> tokens, ToIntFunction<String> resolver) {
        this.tokens = tokens;
        this.resolver = resolver;
    }

    /**
     * Parses {@code source}, resolving each rule name to an index of the value array with {@code resolver}.
     *
     * @throws UnsupportedRuleException when the expression is malformed
     */
    static Node parse(String source, ToIntFunction<String> resolver) throws UnsupportedRuleException {
        MetaExpression parser = new MetaExpression(tokenize(source), resolver);
        try {
            Node node = parser.or();
            if (parser.position != parser.tokens.size()) {
                throw new UnsupportedRuleException("malformed meta expression", source);
            }
            return node;
        } catch (IndexOutOfBoundsException | NumberFormatException truncated) {
            throw new UnsupportedRuleException("malformed meta expression", source);
        }
    }

    /** The rule names {@code source} refers to, in order. */
    static List<String> names(String source) throws UnsupportedRuleException {
        List<String> names = new ArrayList<>();
        for (String token : tokenize(source)) {
            if (isName(token)) {
                names.add(token);
            }
        }
        return names;
    }

    private Node or() throws UnsupportedRuleException {
        Node left = and();
        while (accept("||")) {
            Node l = left;
            Node r = and();
            left = v -> l.value(v) != 0 || r.value(v) != 0 ? 1 : 0;
        }
        return left;
    }

    private Node and() throws UnsupportedRuleException {
        Node left = equality();
        while (accept("&&")) {
            Node l = left;
            Node r = equality();
            left = v -> l.value(v) != 0 && r.value(v) != 0 ? 1 : 0;
        }
        return left;
    }

    private Node equality() throws UnsupportedRuleException {
        Node left = comparison();
        while (true) {
            Node l = left;
            if (accept("==")) {
                Node r = comparison();
                left = v -> l.value(v) == r.value(v) ? 1 : 0;
            } else if (accept("!=")) {
                Node r = comparison();
                left = v -> l.value(v) != r.value(v) ? 1 : 0;
            } else {
                return left;
            }
        }
    }

    private Node comparison() throws UnsupportedRuleException {
        Node left = sum();
        while (true) {
            Node l = left;
            if (accept(">")) {
                Node r = sum();
                left = v -> l.value(v) > r.value(v) ? 1 : 0;
            } else if (accept(">=")) {
                Node r = sum();
                left = v -> l.value(v) >= r.value(v) ? 1 : 0;
            } else if (accept("<")) {
                Node r = sum();
                left = v -> l.value(v) < r.value(v) ? 1 : 0;
            } else if (accept("<=")) {
                Node r = sum();
                left = v -> l.value(v) <= r.value(v) ? 1 : 0;
            } else {
                return left;
            }
        }
    }

    private Node sum() throws UnsupportedRuleException {
        Node left = product();
        while (true) {
            Node l = left;
            if (accept("+")) {
                Node r = product();
                left = v -> l.value(v) + r.value(v);
            } else if (accept("-")) {
                Node r = product();
                left = v -> l.value(v) - r.value(v);
            } else {
                return left;
            }
        }
    }

    private Node product() throws UnsupportedRuleException {
        Node left = unary();
        while (true) {
            Node l = left;
            if (accept("*")) {
                Node r = unary();
                left = v -> l.value(v) * r.value(v);
            } else if (accept("/")) {
                Node r = unary();
                left = v -> {
                    double divisor = r.value(v);
                    return divisor == 0 ? 0 : l.value(v) / divisor;
                };
            } else {
                return left;
            }
        }
    }

    private Node unary() throws UnsupportedRuleException {
        if (accept("!")) {
            Node operand = unary();
            return v -> operand.value(v) == 0 ? 1 : 0;
        }
        if (accept("-")) {
            Node operand = unary();
            return v -> -operand.value(v);
        }
        if (accept("(")) {
            Node inner = or();
            if (!accept(")")) {
                throw new UnsupportedRuleException("malformed meta expression", "unbalanced parentheses");
            }
            return inner;
        }
        String token = tokens.get(position++);
        if (isName(token)) {
            int index = resolver.applyAsInt(token);
            return index < 0 ? v -> 0 : v -> v[index];
        }
        double constant = Double.parseDouble(token);
        return v -> constant;
    }

    private boolean accept(String operator) {
        if (position < tokens.size() && tokens.get(position).equals(operator)) {
            position++;
            return true;
        }
        return false;
    }

    private static boolean isName(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_';
    }

    private static List<String> tokenize(String source) throws UnsupportedRuleException {
        List<String> tokens = new ArrayList<>();
        int n = source.length();
        for (int i = 0; i < n; ) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(source.substring(start, i));
            } else if (Character.isDigit(c) || c == '.') {
                int start = i;
                while (i < n && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(source.substring(start, i));
            } else if (i + 1 < n && TWO_CHAR_OPERATORS.contains(source.substring(i, i + 2))) {
                tokens.add(source.substring(i, i + 2));
                i += 2;
            } else if ("!+-*/<>()".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                throw new UnsupportedRuleException("malformed meta expression", source);
            }
        }
        if (tokens.isEmpty()) {
            throw new UnsupportedRuleException("malformed meta expression", "empty");
        }
        return tokens;
    }
}
