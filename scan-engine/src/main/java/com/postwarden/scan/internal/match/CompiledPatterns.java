package com.postwarden.scan.internal.match;

/**
 * Every body pattern of a database in flat arrays: the part before the indexed literal (a program matched
 * backwards from the literal) and the part after it (a program matched forwards), where a match may start,
 * which target it applies to and which signature owns it. No object per pattern. Immutable and thread-safe;
 * fields are package-private for the verifier's inner loops.
 *
 * <p>Program words: {@code EXACT len dataAt}, {@code MASKED len dataAt} (values then masks),
 * {@code CLASS classAt} (four longs of bits), {@code ALT count (len dataAt masked)*},
 * {@code NOTALT count len dataAt*}, {@code GAP min max slot} (slot numbers unbounded gaps for memoization,
 * -1 otherwise), {@code END}.
 */
final class CompiledPatterns {
    static final int END = 0;
    static final int EXACT = 1;
    static final int MASKED = 2;
    static final int CLASS = 3;
    static final int ALT = 4;
    static final int NOTALT = 5;
    static final int GAP = 6;

    /** Edge marker kinds in {@link #flags}: bits 0-1 left, 3-4 right. */
    static final int MARK_NONE = 0;
    static final int MARK_BOUNDARY = 1;
    static final int MARK_LINE = 2;
    static final int MARK_WORD = 3;
    static final int LEFT_NEGATED = 1 << 2;
    static final int RIGHT_SHIFT = 3;
    static final int RIGHT_NEGATED = 1 << 5;
    static final int NOCASE = 1 << 6;
    static final int WIDE = 1 << 7;
    /** {@link #preMax} of a pattern with an unbounded gap before its literal. */
    static final int UNBOUNDED = -1;

    final int[] code;
    final byte[] data;
    final long[] classes;
    final int[] forwardPc;
    final int[] backwardPc;
    final int[] literalLength;
    final int[] preMin;
    final int[] preMax;
    final int[] postMin;
    final int[] flags;
    final byte[] target;
    final byte[] offsetKind;
    final int[] offsetValue;
    final int[] offsetSection;
    final int[] offsetShift;
    final int[] owner;
    final int starSlots;

    CompiledPatterns(int[] code, byte[] data, long[] classes, int[] forwardPc, int[] backwardPc, int[] literalLength,
                     int[] preMin, int[] preMax, int[] postMin, int[] flags, byte[] target, byte[] offsetKind,
                     int[] offsetValue, int[] offsetSection, int[] offsetShift, int[] owner, int starSlots) {
        this.code = code;
        this.data = data;
        this.classes = classes;
        this.forwardPc = forwardPc;
        this.backwardPc = backwardPc;
        this.literalLength = literalLength;
        this.preMin = preMin;
        this.preMax = preMax;
        this.postMin = postMin;
        this.flags = flags;
        this.target = target;
        this.offsetKind = offsetKind;
        this.offsetValue = offsetValue;
        this.offsetSection = offsetSection;
        this.offsetShift = offsetShift;
        this.owner = owner;
        this.starSlots = starSlots;
    }

    int count() {
        return owner.length;
    }

    /** Bytes held by the arrays, for the load summary. */
    long memoryBytes() {
        return 4L * (code.length + forwardPc.length * 12L) + data.length + 8L * classes.length
                + 2L * target.length;
    }
}
