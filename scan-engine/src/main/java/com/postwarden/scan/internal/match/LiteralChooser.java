package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.BodyPattern;
import com.postwarden.scan.internal.signature.CharacterClasses;
import com.postwarden.scan.internal.signature.PatternElement.ByteRun;
import com.postwarden.scan.internal.signature.PatternElement;
import java.util.List;

/**
 * Picks the literal of a pattern that goes into the {@link LiteralIndex}: the run of up to {@link #MAX_LENGTH}
 * exact bytes least likely to occur by chance, so that candidates (and verifications) stay rare. Bytes frequent
 * in real data (zero, 0xff, spaces, NOPs, padding) weigh less than others; repeats weigh less than variety. At least
 * {@link #MIN_LENGTH} static bytes are needed, as in ClamAV. For a case-insensitive pattern every case variant of
 * the literal enters the index, so the literal holds at most {@link #MAX_NOCASE_LETTERS} letters. Stateless.
 */
final class LiteralChooser {
    /** Shortest usable literal: ClamAV's two-byte static part. */
    static final int MIN_LENGTH = 2;
    /** Longest literal: longer ones cost memory without making candidates measurably rarer. */
    static final int MAX_LENGTH = 8;
    /** At most 2^4 case variants per case-insensitive literal. */
    static final int MAX_NOCASE_LETTERS = 4;
    /** What a byte equal to the one before it takes off the score. */
    private static final int REPEAT = 3;
    /** Bytes frequent in real data weigh less: zero, 0xff, white space, NOP, INT3, padding, '0'. */
    private static final byte[] WEIGHTS = weights();

    /** Where the chosen literal lies: {@code elements.get(element)} bytes {@code from..to}. */
    record Choice(int element, int from, int to) {
        int length() {
            return to - from;
        }
    }

    private LiteralChooser() {
    }

    /** The best literal, or {@code null} when the pattern has no static part of {@link #MIN_LENGTH} bytes. */
    static Choice choose(BodyPattern pattern) {
        List<PatternElement> elements = pattern.elements();
        Choice best = null;
        long bestScore = Long.MIN_VALUE;
        for (int e = 0; e < elements.size(); e++) {
            if (!(elements.get(e) instanceof ByteRun run)) {
                continue;
            }
            int i = 0;
            while (i < run.length()) {
                if (!run.isExact(i)) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < run.length() && run.isExact(end)) {
                    end++;
                }
                Scored choice = pattern.nocase() ? bestCaseless(run.values(), e, i, end)
                        : best(run.values(), e, i, end);
                if (choice != null && choice.score > bestScore) {
                    bestScore = choice.score;
                    best = choice.choice;
                }
                i = end;
            }
        }
        return best;
    }

    /** A choice with its score. */
    private record Scored(Choice choice, long score) {
    }

    /**
     * The best window of {@link #MAX_LENGTH} bytes (shorter at the end) of the exact bytes {@code from..end}: the
     * score slides along with the window, so each byte is weighed twice, not once per window it lies in.
     */
    private static Scored best(byte[] values, int element, int from, int end) {
        if (end - from < MIN_LENGTH) {
            return null;
        }
        int to = Math.min(end, from + MAX_LENGTH);
        long score = score(values, from, to);
        int bestFrom = from;
        int bestTo = to;
        long bestScore = score;
        for (int start = from + 1; start + MIN_LENGTH <= end; start++) {
            score -= weight(values[start - 1] & 0xff);
            if (values[start] == values[start - 1]) {
                score += REPEAT;
            }
            if (to < end) {
                score += weight(values[to] & 0xff);
                if (values[to] == values[to - 1]) {
                    score -= REPEAT;
                }
                to++;
            }
            if (score > bestScore) {
                bestScore = score;
                bestFrom = start;
                bestTo = to;
            }
        }
        return new Scored(new Choice(element, bestFrom, bestTo), bestScore);
    }

    /** Like {@link #best}, but each window holds at most {@link #MAX_NOCASE_LETTERS} letters. */
    private static Scored bestCaseless(byte[] values, int element, int from, int end) {
        Scored best = null;
        for (int start = from; start + MIN_LENGTH <= end; start++) {
            int to = limitLetters(values, start, Math.min(end, start + MAX_LENGTH));
            if (to - start < MIN_LENGTH) {
                continue;
            }
            long score = score(values, start, to);
            if (best == null || score > best.score) {
                best = new Scored(new Choice(element, start, to), score);
            }
        }
        return best;
    }

    private static int limitLetters(byte[] values, int from, int to) {
        int letters = 0;
        for (int i = from; i < to; i++) {
            if (CharacterClasses.isAsciiLetter(values[i]) && ++letters > MAX_NOCASE_LETTERS) {
                return i;
            }
        }
        return to;
    }

    static long score(byte[] values, int from, int to) {
        long score = 0;
        for (int i = from; i < to; i++) {
            score += weight(values[i] & 0xff);
            if (i > from && values[i] == values[i - 1]) {
                score -= REPEAT;
            }
        }
        return score;
    }

    private static int weight(int b) {
        return WEIGHTS[b];
    }

    /** The weight of each byte value, by table: the chooser weighs every byte of every pattern. */
    private static byte[] weights() {
        byte[] weights = new byte[256];
        for (int b = 0; b < 256; b++) {
            weights[b] = (byte) (b >= 0x21 && b < 0x7f ? 7 : 8);
        }
        for (int b : new int[] {0x20, 0x0a, 0x0d, 0x09, 0x90, 0xcc, 0x01, 0x30}) {
            weights[b] = 4;
        }
        weights[0x00] = 1;
        weights[0xff] = 2;
        return weights;
    }
}
