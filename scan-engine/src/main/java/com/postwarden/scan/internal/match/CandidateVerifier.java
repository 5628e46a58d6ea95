package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.CharacterClasses;
import java.nio.ByteBuffer;

/**
 * Checks a whole pattern where the literal index found its literal: the part after the literal forwards, the part
 * before it backwards, trying every length of a gap or alternative (bounded backtracking). An unbounded gap
 * ({@code *}) remembers, per object, from which position on the rest of the pattern is known to fail, so that
 * many candidates of one pattern cost one pass over the object rather than one each. A candidate may take at
 * most {@link #budgetFor(int)} steps; past that it counts as no match. Not thread-safe: one per scan state.
 */
final class CandidateVerifier {
    /** Steps a candidate may always take. */
    static final int BASE_STEPS = 1 << 20;

    private final CompiledPatterns patterns;
    private final int[] code;
    private final byte[] data;
    private final long[] classes;
    private final int[] memo;
    private final int[] memoGeneration;
    private int generation;
    private ByteBuffer bytes;
    private int size;
    private int budget;
    private boolean exhausted;
    private int flags;
    private long lowestStart;
    private long highestStart;

    CandidateVerifier(CompiledPatterns patterns) {
        this.patterns = patterns;
        this.code = patterns.code;
        this.data = patterns.data;
        this.classes = patterns.classes;
        this.memo = new int[patterns.starSlots];
        this.memoGeneration = new int[patterns.starSlots];
    }

    /** Starts on a new object (or a new form of it); forgets what the gaps remembered. */
    void begin(ByteBuffer object, int objectSize) {
        this.bytes = object;
        this.size = objectSize;
        if (++generation == 0) {
            java.util.Arrays.fill(memoGeneration, 0);
            generation = 1;
        }
    }

    static int budgetFor(int size) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(BASE_STEPS, 2L * size));
    }

    /**
     * Whether {@code pattern} matches with its literal at {@code literalStart..literalEnd}, starting somewhere in
     * {@code lowest..highest}.
     */
    boolean verify(int pattern, int literalStart, int literalEnd, long lowest, long highest) {
        if ((long) literalEnd + patterns.postMin[pattern] > size) {
            return false;
        }
        flags = patterns.flags[pattern];
        lowestStart = lowest;
        highestStart = highest;
        budget = budgetFor(size);
        exhausted = false;
        return forward(patterns.forwardPc[pattern], literalEnd) && backward(patterns.backwardPc[pattern], literalStart);
    }

    private boolean forward(int startPc, int startPos) {
        int pc = startPc;
        int pos = startPos;
        while (true) {
            switch (code[pc]) {
                case CompiledPatterns.END:
                    return rightEdge(pos);
                case CompiledPatterns.EXACT: {
                    int length = code[pc + 1];
                    if (pos + length > size || !exact(code[pc + 2], length, pos)) {
                        return false;
                    }
                    pos += length;
                    pc += 3;
                    break;
                }
                case CompiledPatterns.MASKED: {
                    int length = code[pc + 1];
                    if (pos + length > size || !masked(code[pc + 2], length, pos)) {
                        return false;
                    }
                    pos += length;
                    pc += 3;
                    break;
                }
                case CompiledPatterns.CLASS:
                    if (pos >= size || !inClass(code[pc + 1], at(pos))) {
                        return false;
                    }
                    pos++;
                    pc += 2;
                    break;
                case CompiledPatterns.ALT:
                    return forwardAlternatives(pc, pos);
                case CompiledPatterns.NOTALT: {
                    int length = code[pc + 2];
                    if (pos + length > size || anyOption(pc, pos)) {
                        return false;
                    }
                    pos += length;
                    pc += 3 + code[pc + 1];
                    break;
                }
                default:
                    return forwardGap(pc, pos);
            }
        }
    }

    private boolean forwardAlternatives(int pc, int pos) {
        int count = code[pc + 1];
        int next = pc + 2 + 3 * count;
        for (int k = 0; k < count; k++) {
            int option = pc + 2 + 3 * k;
            int length = code[option];
            if (pos + length <= size && option(option, pos)) {
                if (--budget < 0) {
                    exhausted = true;
                    return false;
                }
                if (forward(next, pos + length)) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean forwardGap(int pc, int pos) {
        int min = code[pc + 1];
        int max = code[pc + 2];
        int slot = code[pc + 3];
        int next = pc + 4;
        long first = (long) pos + min;
        long last = max == Integer.MAX_VALUE ? size : Math.min(size, (long) pos + max);
        if (slot >= 0) {
            int known = memoGeneration[slot] == generation ? memo[slot] : Integer.MAX_VALUE;
            if (first >= known) {
                return false;
            }
            last = Math.min(last, known - 1L);
        }
        int firstByte = code[next] == CompiledPatterns.EXACT && (flags & CompiledPatterns.NOCASE) == 0
                ? data[code[next + 2]] & 0xff : -1;
        for (long q = first; q <= last; q++) {
            if (--budget < 0) {
                exhausted = true;
                return false;
            }
            if (firstByte >= 0 && (q >= size || at((int) q) != firstByte)) {
                continue;
            }
            if (forward(next, (int) q)) {
                return true;
            }
            if (exhausted) {
                return false;
            }
        }
        if (slot >= 0) {
            memo[slot] = (int) Math.min(first, Integer.MAX_VALUE);
            memoGeneration[slot] = generation;
        }
        return false;
    }

    /** Matches elements leftwards; {@code pos} is where the element to match ends. */
    private boolean backward(int startPc, int startPos) {
        int pc = startPc;
        int pos = startPos;
        while (true) {
            switch (code[pc]) {
                case CompiledPatterns.END:
                    return pos >= lowestStart && pos <= highestStart && leftEdge(pos);
                case CompiledPatterns.EXACT: {
                    int length = code[pc + 1];
                    if (pos - length < 0 || !exact(code[pc + 2], length, pos - length)) {
                        return false;
                    }
                    pos -= length;
                    pc += 3;
                    break;
                }
                case CompiledPatterns.MASKED: {
                    int length = code[pc + 1];
                    if (pos - length < 0 || !masked(code[pc + 2], length, pos - length)) {
                        return false;
                    }
                    pos -= length;
                    pc += 3;
                    break;
                }
                case CompiledPatterns.CLASS:
                    if (pos < 1 || !inClass(code[pc + 1], at(pos - 1))) {
                        return false;
                    }
                    pos--;
                    pc += 2;
                    break;
                case CompiledPatterns.ALT:
                    return backwardAlternatives(pc, pos);
                case CompiledPatterns.NOTALT: {
                    int length = code[pc + 2];
                    if (pos - length < 0 || anyOption(pc, pos - length)) {
                        return false;
                    }
                    pos -= length;
                    pc += 3 + code[pc + 1];
                    break;
                }
                default:
                    return backwardGap(pc, pos);
            }
        }
    }

    private boolean backwardAlternatives(int pc, int pos) {
        int count = code[pc + 1];
        int next = pc + 2 + 3 * count;
        for (int k = 0; k < count; k++) {
            int option = pc + 2 + 3 * k;
            int length = code[option];
            if (pos - length >= 0 && option(option, pos - length)) {
                if (--budget < 0) {
                    exhausted = true;
                    return false;
                }
                if (backward(next, pos - length)) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean backwardGap(int pc, int pos) {
        int min = code[pc + 1];
        int max = code[pc + 2];
        int slot = code[pc + 3];
        int next = pc + 4;
        long first = (long) pos - min;
        long last = max == Integer.MAX_VALUE ? 0 : Math.max(0, (long) pos - max);
        last = Math.max(last, lowestStart);
        if (slot >= 0) {
            int known = memoGeneration[slot] == generation ? memo[slot] : -1;
            if (first <= known) {
                return false;
            }
            last = Math.max(last, known + 1L);
        }
        int lastByte = lastByteOf(next);
        for (long q = first; q >= last; q--) {
            if (--budget < 0) {
                exhausted = true;
                return false;
            }
            if (lastByte >= 0 && (q < 1 || at((int) q - 1) != lastByte)) {
                continue;
            }
            if (backward(next, (int) q)) {
                return true;
            }
            if (exhausted) {
                return false;
            }
        }
        if (slot >= 0 && first >= 0) {
            memo[slot] = (int) first;
            memoGeneration[slot] = generation;
        }
        return false;
    }

    /** The last byte the element at {@code pc} must end with, when it is an exact case-sensitive run; else -1. */
    private int lastByteOf(int pc) {
        if (code[pc] != CompiledPatterns.EXACT || (flags & CompiledPatterns.NOCASE) != 0) {
            return -1;
        }
        return data[code[pc + 2] + code[pc + 1] - 1] & 0xff;
    }

    private boolean exact(int dataAt, int length, int pos) {
        if ((flags & CompiledPatterns.NOCASE) != 0) {
            for (int i = 0; i < length; i++) {
                if (CharacterClasses.fold(at(pos + i)) != (data[dataAt + i] & 0xff)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < length; i++) {
            if (at(pos + i) != (data[dataAt + i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private boolean masked(int dataAt, int length, int pos) {
        boolean nocase = (flags & CompiledPatterns.NOCASE) != 0;
        for (int i = 0; i < length; i++) {
            int mask = data[dataAt + length + i] & 0xff;
            int b = at(pos + i);
            if (nocase && mask == 0xff) {
                b = CharacterClasses.fold(b);
            }
            if ((b & mask) != (data[dataAt + i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private boolean option(int option, int pos) {
        int length = code[option];
        return code[option + 2] == 0 ? exact(code[option + 1], length, pos) : masked(code[option + 1], length, pos);
    }

    /** Whether any negated alternative of the NOTALT at {@code pc} equals the bytes at {@code pos}. */
    private boolean anyOption(int pc, int pos) {
        int count = code[pc + 1];
        int length = code[pc + 2];
        for (int k = 0; k < count; k++) {
            int dataAt = code[pc + 3 + k];
            boolean equal = true;
            for (int i = 0; i < length && equal; i++) {
                equal = at(pos + i) == (data[dataAt + i] & 0xff);
            }
            if (equal) {
                return true;
            }
        }
        return false;
    }

    private boolean inClass(int classAt, int b) {
        return (classes[classAt + (b >>> 6)] >>> (b & 63) & 1) != 0;
    }

    private int at(int pos) {
        return bytes.get(pos) & 0xff;
    }

    private boolean leftEdge(int start) {
        int kind = flags & 3;
        if (kind == CompiledPatterns.MARK_NONE) {
            return true;
        }
        boolean holds;
        if (start == 0) {
            holds = true;
        } else if (kind == CompiledPatterns.MARK_BOUNDARY) {
            holds = CharacterClasses.isLeftBoundary(at(start - 1));
        } else if (kind == CompiledPatterns.MARK_LINE) {
            holds = at(start - 1) == '\n';
        } else if ((flags & CompiledPatterns.WIDE) != 0) {
            holds = start == 1 || !(CharacterClasses.isAlphanumeric(at(start - 2)) && at(start - 1) == 0);
        } else {
            holds = !CharacterClasses.isAlphanumeric(at(start - 1));
        }
        return holds != ((flags & CompiledPatterns.LEFT_NEGATED) != 0);
    }

    private boolean rightEdge(int end) {
        int kind = flags >>> CompiledPatterns.RIGHT_SHIFT & 3;
        if (kind == CompiledPatterns.MARK_NONE) {
            return true;
        }
        boolean holds;
        if (end >= size) {
            holds = true;
        } else if (kind == CompiledPatterns.MARK_BOUNDARY) {
            holds = CharacterClasses.isRightBoundary(at(end));
        } else if (kind == CompiledPatterns.MARK_LINE) {
            holds = at(end) == '\n' || at(end) == '\r' && end + 1 < size && at(end + 1) == '\n';
        } else if ((flags & CompiledPatterns.WIDE) != 0 && end + 1 < size) {
            holds = !(CharacterClasses.isAlphanumeric(at(end)) && at(end + 1) == 0);
        } else {
            holds = !CharacterClasses.isAlphanumeric(at(end));
        }
        return holds != ((flags & CompiledPatterns.RIGHT_NEGATED) != 0);
    }
}
