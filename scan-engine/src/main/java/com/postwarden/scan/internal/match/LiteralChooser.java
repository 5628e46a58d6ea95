package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.BodyPattern;
import com.postwarden.scan.internal.signature.CharacterClasses;
import com.postwarden.scan.internal.signature.PatternElement;
import com.postwarden.scan.internal.signature.PatternElement.ByteRun;
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
                for (int from = i; from + MIN_LENGTH <= end; from++) {
                    int to = Math.min(end, from + MAX_LENGTH);
                    if (pattern.nocase()) {
                        to = limitLetters(run.values(), from, to);
                    }
                    if (to - from < MIN_LENGTH) {
                        continue;
                    }
                    long score = score(run.values(), from, to);
                    if (score > bestScore) {
                        bestScore = score;
                        best = new Choice(e, from, to);
                    }
                }
                i = end;
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
                score -= 3;
            }
        }
        return score;
    }

    private static int weight(int b) {
        switch (b) {
            case 0x00:
                return 1;
            case 0xff:
                return 2;
            case 0x20, 0x0a, 0x0d, 0x09, 0x90, 0xcc, 0x01, 0x30:
                return 4;
            default:
                return b >= 0x21 && b < 0x7f ? 7 : 8;
        }
    }
}
