package com.postwarden.scan.internal.signature;

/**
 * Parses {@code .ndb}/{@code .ndu} lines: {@code Name:TargetType:Offset:HexSignature[:MinFL[:MaxFL]]}. Lines
 * for functionality levels outside ours, and offsets that need executable headers other than PE's, are
 * rejected with their reason. Stateless.
 */
public final class NdbParser {

    private NdbParser() {
    }

    public static BodySignature parse(String line) throws SignatureFormatException {
        int length = line.length();
        int nameEnd = line.indexOf(':');
        int targetEnd = nameEnd < 0 ? -1 : line.indexOf(':', nameEnd + 1);
        int offsetEnd = targetEnd < 0 ? -1 : line.indexOf(':', targetEnd + 1);
        if (offsetEnd < 0) {
            throw new SignatureFormatException("malformed line");
        }
        int hexEnd = line.indexOf(':', offsetEnd + 1);
        int minEnd = hexEnd < 0 ? -1 : line.indexOf(':', hexEnd + 1);
        if (minEnd >= 0 && line.indexOf(':', minEnd + 1) >= 0) {
            throw new SignatureFormatException("malformed line");
        }
        if (nameEnd == 0) {
            throw new SignatureFormatException("signature without a name");
        }
        int min = hexEnd < 0 ? -1 : level(line, hexEnd + 1, minEnd < 0 ? length : minEnd);
        int max = minEnd < 0 ? -1 : level(line, minEnd + 1, length);
        String levelProblem = FunctionalityLevel.rejection(min, max);
        if (levelProblem != null) {
            throw new SignatureFormatException(levelProblem);
        }
        int target = TargetType.check(number(line, nameEnd + 1, targetEnd, "malformed target type"));
        SignatureOffset offset = offsetEnd == targetEnd + 2 && line.charAt(targetEnd + 1) == '*'
                ? SignatureOffset.ANY : offset(line.substring(targetEnd + 1, offsetEnd), target);
        if (offsetEnd + 1 < length && line.charAt(offsetEnd + 1) == '$') {
            throw new SignatureFormatException("macro signatures unsupported");
        }
        BodyPattern pattern = HexPatternParser.parse(line.substring(offsetEnd + 1, hexEnd < 0 ? length : hexEnd));
        return new BodySignature(line, nameEnd, target, offset, pattern);
    }

    /** Parses an offset and checks that its target can resolve it. */
    static SignatureOffset offset(String text, int target) throws SignatureFormatException {
        SignatureOffset offset = SignatureOffset.parse(text);
        if (offset.kind().needsExecutable() && !TargetType.hasExecutableHeaders(target)) {
            throw new SignatureFormatException(target == 6 || target == 9
                    ? "entry-point or section offset for ELF/Mach-O unsupported"
                    : "entry-point or section offset without target type 1");
        }
        return offset;
    }

    private static int level(String text, int from, int to) throws SignatureFormatException {
        return from == to ? -1 : number(text, from, to, "malformed functionality level");
    }

    static int number(String field, String reason) throws SignatureFormatException {
        return number(field, 0, field.length(), reason);
    }

    /** The decimal number {@code text[from..to)} of at most nine digits; throws with {@code reason} otherwise. */
    private static int number(String text, int from, int to, String reason) throws SignatureFormatException {
        if (from == to || to - from > 9) {
            throw new SignatureFormatException(reason);
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new SignatureFormatException(reason);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
