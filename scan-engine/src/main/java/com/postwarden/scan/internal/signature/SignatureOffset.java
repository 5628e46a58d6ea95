package com.postwarden.scan.internal.signature;

/**
 * Where a body signature's match must start, as ClamAV writes it: {@code *}, {@code n}, {@code EOF-n},
 * {@code EP+n}/{@code EP-n}, {@code Sx+n}, {@code SL+n}, {@code SEx}, each but {@code *} optionally followed by
 * {@code ,maxshift} (the start may lie up to {@code maxshift} bytes later).
 *
 * @param kind what the value counts from
 * @param value bytes from the reference point (negative for {@code EP-n}); the section number for {@code SEx}
 * @param section the section number of {@code Sx+n}
 * @param shift how far past the computed start a match may begin
 */
public record SignatureOffset(Kind kind, long value, int section, long shift) {

    public static final SignatureOffset ANY = new SignatureOffset(Kind.ANY, 0, 0, 0);
    /** Longest offset or shift accepted. */
    public static final long MAX_VALUE = Integer.MAX_VALUE;

    public enum Kind {
        ANY,
        /** From the start of the object. */
        ABSOLUTE,
        /** Back from the end of the object. */
        END,
        /** From the PE entry point. */
        ENTRY_POINT,
        /** From the start of a section's data. */
        SECTION,
        /** From the start of the last section's data. */
        LAST_SECTION,
        /** Anywhere within a section's data. */
        SECTION_ENTIRE;

        /** Whether resolving the offset needs the executable's headers. */
        public boolean needsExecutable() {
            return this == ENTRY_POINT || this == SECTION || this == LAST_SECTION || this == SECTION_ENTIRE;
        }
    }

    public static SignatureOffset parse(String text) throws SignatureFormatException {
        if (text.equals("*")) {
            return ANY;
        }
        String base = text;
        long shift = 0;
        int comma = text.indexOf(',');
        if (comma >= 0) {
            base = text.substring(0, comma);
            shift = number(text.substring(comma + 1));
        }
        if (base.isEmpty()) {
            throw new SignatureFormatException("malformed offset");
        }
        char first = base.charAt(0);
        if (first >= '0' && first <= '9') {
            return new SignatureOffset(Kind.ABSOLUTE, number(base), 0, shift);
        }
        if (base.startsWith("EOF-")) {
            return new SignatureOffset(Kind.END, number(base.substring(4)), 0, shift);
        }
        if (base.startsWith("EP+") || base.startsWith("EP-")) {
            long n = number(base.substring(3));
            return new SignatureOffset(Kind.ENTRY_POINT, base.charAt(2) == '-' ? -n : n, 0, shift);
        }
        if (base.startsWith("SL+")) {
            return new SignatureOffset(Kind.LAST_SECTION, number(base.substring(3)), 0, shift);
        }
        if (base.startsWith("SE")) {
            if (comma >= 0) {
                throw new SignatureFormatException("malformed offset");
            }
            return new SignatureOffset(Kind.SECTION_ENTIRE, 0, (int) number(base.substring(2)), 0);
        }
        if (base.startsWith("S")) {
            int plus = base.indexOf('+');
            if (plus < 2) {
                throw new SignatureFormatException("malformed offset");
            }
            return new SignatureOffset(Kind.SECTION, number(base.substring(plus + 1)),
                    (int) number(base.substring(1, plus)), shift);
        }
        throw new SignatureFormatException("unsupported offset type " + unsupportedType(base));
    }

    /** The offset's type without numbers, so the skip reason groups all lines of one kind. */
    private static String unsupportedType(String base) {
        StringBuilder type = new StringBuilder();
        for (int i = 0; i < base.length() && type.length() < 12; i++) {
            char c = base.charAt(i);
            if (Character.isLetter(c) || c == '$') {
                type.append(c);
            } else {
                break;
            }
        }
        return type.length() == 0 ? "?" : type.toString();
    }

    private static long number(String digits) throws SignatureFormatException {
        if (digits.isEmpty() || digits.length() > 10) {
            throw new SignatureFormatException("malformed offset");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new SignatureFormatException("malformed offset");
            }
            value = value * 10 + (c - '0');
        }
        if (value > MAX_VALUE) {
            throw new SignatureFormatException("offset too large");
        }
        return value;
    }
}
