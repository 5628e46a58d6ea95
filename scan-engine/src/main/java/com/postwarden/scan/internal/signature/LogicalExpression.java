package com.postwarden.scan.internal.signature;

/**
 * The logical expression of an {@code .ldb} signature over its subsignatures' match counts: indexes
 * {@code 0..63}, {@code &}, {@code |}, parentheses, and the count modifiers {@code =X}, {@code <X}, {@code >X}
 * with an optional {@code ,Y} (at least Y different subsignatures) on a parenthesised block.
 *
 * <p>Evaluation follows libclamav's {@code cli_ac_chklsig}: an expression splits at its first top-level
 * operator (so {@code 0&1|2} is {@code 0&(1|2)}), a subexpression that holds contributes the sum of its
 * subsignatures' counts to the block around it, and {@code A=0} expresses "A does not match". Immutable and
 * thread-safe.
 */
public final class LogicalExpression {
    /** Most subsignatures an {@code .ldb} signature may have. */
    public static final int MAX_SUBSIGNATURES = 64;
    /** Longest expression text accepted. */
    public static final int MAX_LENGTH = 8192;
    private static final int MAX_DEPTH = 64;

    private final Node root;
    private final int maxIndex;
    private final String text;

    private LogicalExpression(Node root, int maxIndex, String text) {
        this.root = root;
        this.maxIndex = maxIndex;
        this.text = text;
    }

    public static LogicalExpression parse(String text) throws SignatureFormatException {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new SignatureFormatException("malformed logical expression");
        }
        Parser parser = new Parser(text);
        Node root = parser.expression(0);
        if (parser.at != text.length()) {
            throw new SignatureFormatException("malformed logical expression");
        }
        return new LogicalExpression(root, parser.maxIndex, text);
    }

    /** The highest subsignature index the expression names. */
    public int maxIndex() {
        return maxIndex;
    }

    /** Whether the expression holds for the match counts {@code counts[base + i]} of subsignature {@code i}. */
    public boolean evaluate(int[] counts, int base) {
        return root.eval(counts, base, new long[2]);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A node fills {@code out[0]} with its count and {@code out[1]} with its subsignature bits when it holds. */
    private abstract static class Node {
        abstract boolean eval(int[] counts, int base, long[] out);
    }

    private static final class Leaf extends Node {
        private final int index;
        private final char modifier;
        private final long value;

        Leaf(int index, char modifier, long value) {
            this.index = index;
            this.modifier = modifier;
            this.value = value;
        }

        @Override
        boolean eval(int[] counts, int base, long[] out) {
            long count = counts[base + index];
            boolean holds = modifier == 0 ? count > 0 : compare(modifier, count, value);
            out[0] = holds ? count : 0;
            out[1] = holds ? 1L << index : 0;
            return holds;
        }
    }

    private static final class Operation extends Node {
        private final boolean and;
        private final Node left;
        private final Node right;

        Operation(boolean and, Node left, Node right) {
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        boolean eval(int[] counts, int base, long[] out) {
            boolean l = left.eval(counts, base, out);
            long count = out[0];
            long ids = out[1];
            boolean r = right.eval(counts, base, out);
            boolean holds = and ? l && r : l || r;
            out[0] = holds ? count + out[0] : 0;
            out[1] = holds ? ids | out[1] : 0;
            return holds;
        }
    }

    private static final class Block extends Node {
        private final Node inner;
        private final char modifier;
        private final long value;
        private final int distinct;

        Block(Node inner, char modifier, long value, int distinct) {
            this.inner = inner;
            this.modifier = modifier;
            this.value = value;
            this.distinct = distinct;
        }

        @Override
        boolean eval(int[] counts, int base, long[] out) {
            inner.eval(counts, base, out);
            long count = out[0];
            boolean holds = compare(modifier, count, value)
                    && (distinct == 0 || Long.bitCount(out[1]) >= distinct);
            out[0] = holds ? count : 0;
            out[1] = 0; // as libclamav: a block with a modifier passes its count on, not its subsignatures
            return holds;
        }
    }

    private static boolean compare(char modifier, long count, long value) {
        return switch (modifier) {
            case '=' -> count == value;
            case '<' -> count < value;
            default -> count > value;
        };
    }

    private static final class Parser {
        private final String text;
        private int at;
        private int maxIndex = -1;

        Parser(String text) {
            this.text = text;
        }

        Node expression(int depth) throws SignatureFormatException {
            if (depth > MAX_DEPTH) {
                throw new SignatureFormatException("logical expression nested too deeply");
            }
            Node left = unary(depth);
            if (at < text.length() && (text.charAt(at) == '&' || text.charAt(at) == '|')) {
                boolean and = text.charAt(at++) == '&';
                return new Operation(and, left, expression(depth + 1));
            }
            return left;
        }

        private Node unary(int depth) throws SignatureFormatException {
            if (at >= text.length()) {
                throw new SignatureFormatException("malformed logical expression");
            }
            Node primary;
            boolean group = text.charAt(at) == '(';
            int index = -1;
            if (group) {
                at++;
                primary = expression(depth + 1);
                if (at >= text.length() || text.charAt(at) != ')') {
                    throw new SignatureFormatException("malformed logical expression");
                }
                at++;
            } else {
                index = (int) number(MAX_SUBSIGNATURES - 1);
                maxIndex = Math.max(maxIndex, index);
                primary = null;
            }
            if (at < text.length() && "=<>".indexOf(text.charAt(at)) >= 0) {
                char modifier = text.charAt(at++);
                long value = number(Integer.MAX_VALUE);
                int distinct = 0;
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                    distinct = (int) number(MAX_SUBSIGNATURES);
                }
                return group ? new Block(primary, modifier, value, distinct) : new Leaf(index, modifier, value);
            }
            return group ? primary : new Leaf(index, (char) 0, 0);
        }

        private long number(long max) throws SignatureFormatException {
            int start = at;
            long value = 0;
            while (at < text.length() && Character.isDigit(text.charAt(at)) && text.charAt(at) < 128) {
                value = value * 10 + (text.charAt(at++) - '0');
                if (value > max) {
                    throw new SignatureFormatException("logical expression number out of range");
                }
            }
            if (at == start) {
                throw new SignatureFormatException("malformed logical expression");
            }
            return value;
        }
    }
}
