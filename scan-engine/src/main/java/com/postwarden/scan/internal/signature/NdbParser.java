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
        String[] fields = line.split(":", -1);
        if (fields.length < 4 || fields.length > 6) {
            throw new SignatureFormatException("malformed line");
        }
        String name = fields[0];
        if (name.isEmpty()) {
            throw new SignatureFormatException("signature without a name");
        }
        int min = fields.length > 4 ? level(fields[4]) : -1;
        int max = fields.length > 5 ? level(fields[5]) : -1;
        String levelProblem = FunctionalityLevel.rejection(min, max);
        if (levelProblem != null) {
            throw new SignatureFormatException(levelProblem);
        }
        int target = TargetType.check(number(fields[1], "malformed target type"));
        SignatureOffset offset = offset(fields[2], target);
        if (fields[3].startsWith("$")) {
            throw new SignatureFormatException("macro signatures unsupported");
        }
        BodyPattern pattern = HexPatternParser.parse(fields[3]);
        return new BodySignature(name, target, offset, pattern, line);
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

    static int level(String field) throws SignatureFormatException {
        return field.isEmpty() ? -1 : number(field, "malformed functionality level");
    }

    static int number(String field, String reason) throws SignatureFormatException {
        if (field.isEmpty() || field.length() > 9) {
            throw new SignatureFormatException(reason);
        }
        int value = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                throw new SignatureFormatException(reason);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
