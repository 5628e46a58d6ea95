package com.postwarden.scan.internal.signature;

import com.postwarden.scan.internal.signature.PatternElement.Alternatives;
import com.postwarden.scan.internal.signature.PatternElement.ByteClass;
import com.postwarden.scan.internal.signature.PatternElement.ByteRun;
import com.postwarden.scan.internal.signature.PatternElement.Gap;
import com.postwarden.scan.internal.signature.PatternElement.NegatedAlternatives;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses ClamAV's hex signature syntax (the body of {@code .ndb} lines and {@code .ldb} subsignatures):
 * hex bytes, {@code ??}, nibbles {@code a?}/{@code ?a}, gaps {@code *}, {@code {n}}, {@code {-n}}, {@code {n-}},
 * {@code {n-m}}, anchored-byte ranges {@code [n-m]} (read as a gap), alternatives {@code (aa|bbcc|d?)},
 * negated alternatives {@code !(aa|bb)} of one length, and the classes {@code (B)}, {@code (L)}, {@code (W)}
 * with their negations. A class at either end of the pattern becomes an {@link EdgeMarker} checked outside the
 * match, as in libclamav; inside the pattern it consumes a byte ({@code (L)} one or two: LF or CRLF).
 * Stateless.
 */
public final class HexPatternParser {
    /** Longest hex signature accepted, in characters; real ones stay far below. */
    public static final int MAX_LENGTH = 1 << 20;
    /** Largest gap bound accepted. */
    public static final int MAX_GAP = 1 << 30;

    /** {@code ?} in {@link #NIBBLES}: any nibble. */
    private static final int WILDCARD = 0x10;
    /** Nibble values of ASCII characters: 0 to 15 for hex digits, {@link #WILDCARD} for {@code ?}, else -1. */
    private static final byte[] NIBBLES = new byte[128];

    static {
        Arrays.fill(NIBBLES, (byte) -1);
        for (int i = 0; i < 10; i++) {
            NIBBLES['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            NIBBLES['a' + i] = (byte) (10 + i);
            NIBBLES['A' + i] = (byte) (10 + i);
        }
        NIBBLES['?'] = WILDCARD;
    }

    private HexPatternParser() {
    }

    public static BodyPattern parse(String hex) throws SignatureFormatException {
        if (hex.isEmpty()) {
            throw new SignatureFormatException("empty hex signature");
        }
        if (hex.length() > MAX_LENGTH) {
            throw new SignatureFormatException("hex signature too long");
        }
        return new Parse(hex).run();
    }

    private static final class Parse {
        private final String text;
        private final List<PatternElement> elements = new ArrayList<>();
        /** The byte run being read: a hex signature has at most one byte per two characters. */
        private final byte[] values;
        private final byte[] masks;
        private int runLength;
        private EdgeMarker left;
        private EdgeMarker right;
        private int at;

        Parse(String text) {
            this.text = text;
            this.values = new byte[text.length() / 2];
            this.masks = new byte[values.length];
        }

        BodyPattern run() throws SignatureFormatException {
            while (true) {
                byteMatchers();
                if (at == text.length()) {
                    break;
                }
                char c = text.charAt(at); // byteMatchers stops only before * { [ ! (
                if (c == '*' || c == '{' || c == '[') {
                    flush();
                    elements.add(c == '*' ? star() : parseRange(c == '{' ? '}' : ']'));
                    continue;
                }
                boolean negated = c == '!';
                if (negated) {
                    if (at + 1 >= text.length() || text.charAt(at + 1) != '(') {
                        throw new SignatureFormatException("malformed hex signature");
                    }
                    at++;
                }
                group(negated);
            }
            if (elements.isEmpty() && left == null && right == null && runLength == values.length) {
                // byte matchers only, as most signatures: one run in the arrays as read, no list to merge
                return new BodyPattern(List.of(new ByteRun(values, masks)), null, null, false, false);
            }
            flush();
            if (elements.isEmpty()) {
                throw new SignatureFormatException("hex signature without bytes");
            }
            if (elements.get(0) instanceof Gap || elements.get(elements.size() - 1) instanceof Gap) {
                throw new SignatureFormatException("hex signature starts or ends with a gap");
            }
            return new BodyPattern(BodyPattern.merge(elements), left, right, false, false);
        }

        /**
         * Reads byte matchers (hex pairs, {@code ??}, nibbles) up to the next special character: the loop that
         * nearly every character of a database goes through, kept flat.
         */
        private void byteMatchers() throws SignatureFormatException {
            int length = text.length();
            while (at < length) {
                char high = text.charAt(at);
                if (high == '*' || high == '{' || high == '[' || high == '!' || high == '(') {
                    return;
                }
                if (at + 1 >= length) {
                    throw new SignatureFormatException("malformed hex signature");
                }
                char low = text.charAt(at + 1);
                int h = high < NIBBLES.length ? NIBBLES[high] : -1;
                int l = low < NIBBLES.length ? NIBBLES[low] : -1;
                if ((h | l) < 0) {
                    throw new SignatureFormatException("malformed hex signature");
                }
                values[runLength] = (byte) ((h & 0xf) << 4 | (l & 0xf));
                masks[runLength++] = (byte) ((h == WILDCARD ? 0 : 0xf0) | (l == WILDCARD ? 0 : 0x0f));
                at += 2;
            }
        }

        private static int hexDigit(char c) throws SignatureFormatException {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            throw new SignatureFormatException("malformed hex signature");
        }

        private void flush() {
            if (runLength > 0) {
                elements.add(new ByteRun(Arrays.copyOf(values, runLength), Arrays.copyOf(masks, runLength)));
                runLength = 0;
            }
        }

        /** {@code *}; {@code at} is on it. */
        private Gap star() {
            at++;
            return new Gap(0, Gap.UNBOUNDED);
        }

        /** {@code {n}}, {@code {-n}}, {@code {n-}}, {@code {n-m}} or {@code [n-m]}; {@code at} is on the opener. */
        private Gap parseRange(char close) throws SignatureFormatException {
            int end = text.indexOf(close, at);
            if (end < 0) {
                throw new SignatureFormatException("malformed gap");
            }
            String body = text.substring(at + 1, end);
            at = end + 1;
            int dash = body.indexOf('-');
            if (dash < 0) {
                int n = number(body);
                return new Gap(n, n);
            }
            String from = body.substring(0, dash);
            String to = body.substring(dash + 1);
            if (from.isEmpty() && to.isEmpty()) {
                throw new SignatureFormatException("malformed gap");
            }
            int min = from.isEmpty() ? 0 : number(from);
            int max = to.isEmpty() ? Gap.UNBOUNDED : number(to);
            if (close == ']' && to.isEmpty()) {
                throw new SignatureFormatException("malformed gap");
            }
            if (max < min) {
                throw new SignatureFormatException("gap with maximum below minimum");
            }
            return new Gap(min, max);
        }

        private static int number(String digits) throws SignatureFormatException {
            if (digits.isEmpty() || digits.length() > 10) {
                throw new SignatureFormatException("malformed gap");
            }
            long value = 0;
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    throw new SignatureFormatException("malformed gap");
                }
                value = value * 10 + (c - '0');
            }
            if (value > MAX_GAP) {
                throw new SignatureFormatException("gap bound too large");
            }
            return (int) value;
        }

        /** A parenthesised group; {@code at} is on {@code (}. */
        private void group(boolean negated) throws SignatureFormatException {
            int close = text.indexOf(')', at);
            if (close < 0) {
                throw new SignatureFormatException("malformed alternatives");
            }
            String body = text.substring(at + 1, close);
            if (body.indexOf('(') >= 0) {
                throw new SignatureFormatException("nested alternatives");
            }
            boolean first = elements.isEmpty() && runLength == 0;
            at = close + 1;
            boolean last = at == text.length();
            flush();
            if (body.length() == 1 && "BLW".indexOf(body.charAt(0)) >= 0) {
                marker(body.charAt(0), negated, first, last);
                return;
            }
            alternatives(body, negated);
        }

        private void marker(char kind, boolean negated, boolean first, boolean last) {
            EdgeMarker.Kind edgeKind = kind == 'B' ? EdgeMarker.Kind.BOUNDARY
                    : kind == 'L' ? EdgeMarker.Kind.LINE : EdgeMarker.Kind.WORD;
            if (first && left == null) {
                left = new EdgeMarker(edgeKind, negated);
                return;
            }
            if (last && right == null) {
                right = new EdgeMarker(edgeKind, negated);
                return;
            }
            switch (edgeKind) {
                case BOUNDARY -> elements.add(
                        new ByteClass(CharacterClasses.bitsOf(CharacterClasses::isBoundary, negated)));
                case WORD -> elements.add(
                        new ByteClass(CharacterClasses.bitsOf(CharacterClasses::isAlphanumeric, !negated)));
                case LINE -> elements.add(negated
                        ? new ByteClass(CharacterClasses.bitsOf(b -> b == '\n', true))
                        : new Alternatives(List.of(ByteRun.exact(new byte[] {'\n'}),
                                ByteRun.exact(new byte[] {'\r', '\n'}))));
            }
        }

        private void alternatives(String body, boolean negated) throws SignatureFormatException {
            String[] parts = body.split("\\|", -1);
            List<ByteRun> options = new ArrayList<>(parts.length);
            for (String part : parts) {
                options.add(option(part));
            }
            boolean exact = options.stream().allMatch(ByteRun::allExact);
            int length = options.get(0).length();
            boolean sameLength = options.stream().allMatch(o -> o.length() == length);
            if (negated) {
                if (!exact || !sameLength) {
                    throw new SignatureFormatException("negated alternatives with wildcards or of different lengths");
                }
                if (length == 1) {
                    elements.add(byteClass(options, true));
                } else {
                    elements.add(new NegatedAlternatives(options.stream().map(ByteRun::values).toList(), length));
                }
            } else if (exact && length == 1 && sameLength) {
                elements.add(byteClass(options, false));
            } else if (options.size() == 1) {
                elements.add(options.get(0));
            } else {
                elements.add(new Alternatives(options));
            }
        }

        private static ByteClass byteClass(List<ByteRun> options, boolean negated) {
            long[] bits = new long[4];
            for (ByteRun option : options) {
                int b = option.values()[0] & 0xff;
                bits[b >>> 6] |= 1L << (b & 63);
            }
            if (negated) {
                for (int i = 0; i < 4; i++) {
                    bits[i] = ~bits[i];
                }
            }
            return new ByteClass(bits);
        }

        /** One option of an alternative: hex bytes, {@code ??}, nibbles and fixed gaps {@code {n}} below 128. */
        private static ByteRun option(String part) throws SignatureFormatException {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            int i = 0;
            while (i < part.length()) {
                char c = part.charAt(i);
                if (c == '{') {
                    int end = part.indexOf('}', i);
                    if (end < 0) {
                        throw new SignatureFormatException("malformed alternatives");
                    }
                    int n = number(part.substring(i + 1, end));
                    if (n == 0 || n >= 128) {
                        throw new SignatureFormatException("alternatives with a gap");
                    }
                    for (int k = 0; k < n; k++) {
                        v.write(0);
                        m.write(0);
                    }
                    i = end + 1;
                    continue;
                }
                if (c == '*' || c == '[' || i + 1 >= part.length()) {
                    throw new SignatureFormatException(
                            c == '*' || c == '[' ? "alternatives with a gap" : "malformed alternatives");
                }
                char low = part.charAt(i + 1);
                int h = c == '?' ? -1 : hexDigit(c);
                int l = low == '?' ? -1 : hexDigit(low);
                v.write((Math.max(h, 0) << 4) | Math.max(l, 0));
                m.write((h < 0 ? 0 : 0xf0) | (l < 0 ? 0 : 0x0f));
                i += 2;
            }
            if (v.size() == 0) {
                throw new SignatureFormatException("alternatives with an empty option");
            }
            return new ByteRun(v.toByteArray(), m.toByteArray());
        }
    }
}
