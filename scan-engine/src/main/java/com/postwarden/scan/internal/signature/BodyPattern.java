package com.postwarden.scan.internal.signature;

import com.postwarden.scan.internal.signature.PatternElement.Alternatives;
import com.postwarden.scan.internal.signature.PatternElement.ByteClass;
import com.postwarden.scan.internal.signature.PatternElement.ByteRun;
import com.postwarden.scan.internal.signature.PatternElement.Gap;
import com.postwarden.scan.internal.signature.PatternElement.NegatedAlternatives;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed hex signature: the elements in order, optional markers checked just outside the match, and the
 * logical-signature modifiers that change how bytes compare ({@code ::i} case-insensitive, {@code ::w} wide).
 *
 * @param left a marker on the byte before the match, or {@code null}
 * @param right a marker on the byte after the match, or {@code null}
 * @param nocase letters compare without case ({@code ::i})
 * @param wide the pattern was widened to two bytes per character ({@code ::w}); word markers then look at
 *     character pairs, as in ClamAV
 */
public record BodyPattern(List<PatternElement> elements, EdgeMarker left, EdgeMarker right, boolean nocase,
                          boolean wide) {

    public BodyPattern {
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a pattern has at least one element");
        }
    }

    public BodyPattern withNocase() {
        return new BodyPattern(elements, left, right, true, wide);
    }

    /** The pattern with fullword markers ({@code ::f}): a non-alphanumeric byte or the object's edge on each side. */
    public BodyPattern withFullword() {
        return new BodyPattern(elements, new EdgeMarker(EdgeMarker.Kind.WORD, false),
                new EdgeMarker(EdgeMarker.Kind.WORD, false), nocase, wide);
    }

    /**
     * The wide form ({@code ::w}): every byte matcher followed by a zero byte, as ClamAV widens a hex signature;
     * gaps keep their byte counts.
     */
    public BodyPattern widened() {
        List<PatternElement> wide = new ArrayList<>(elements.size() * 2);
        for (PatternElement element : elements) {
            if (element instanceof ByteRun run) {
                wide.add(widen(run));
            } else if (element instanceof ByteClass) {
                wide.add(element);
                wide.add(ByteRun.exact(new byte[] {0}));
            } else if (element instanceof Alternatives alternatives) {
                wide.add(new Alternatives(alternatives.options().stream().map(BodyPattern::widen).toList()));
            } else if (element instanceof NegatedAlternatives negated) {
                List<byte[]> options = new ArrayList<>();
                for (byte[] option : negated.options()) {
                    options.add(widen(ByteRun.exact(option)).values());
                }
                wide.add(new NegatedAlternatives(options, negated.length() * 2));
            } else {
                wide.add(element);
            }
        }
        return new BodyPattern(merge(wide), left, right, nocase, true);
    }

    /** Shortest number of bytes a match covers. */
    public long minLength() {
        long total = 0;
        for (PatternElement element : elements) {
            total += element.minLength();
        }
        return total;
    }

    private static ByteRun widen(ByteRun run) {
        byte[] values = new byte[run.length() * 2];
        byte[] masks = new byte[run.length() * 2];
        for (int i = 0; i < run.length(); i++) {
            values[2 * i] = run.values()[i];
            masks[2 * i] = run.masks()[i];
            masks[2 * i + 1] = (byte) 0xff;
        }
        return new ByteRun(values, masks);
    }

    /** Joins adjacent byte runs, which widening and parsing may leave side by side. */
    static List<PatternElement> merge(List<PatternElement> elements) {
        List<PatternElement> merged = new ArrayList<>(elements.size());
        for (PatternElement element : elements) {
            int last = merged.size() - 1;
            if (last >= 0 && element instanceof ByteRun run && merged.get(last) instanceof ByteRun previous) {
                byte[] values = new byte[previous.length() + run.length()];
                byte[] masks = new byte[values.length];
                System.arraycopy(previous.values(), 0, values, 0, previous.length());
                System.arraycopy(run.values(), 0, values, previous.length(), run.length());
                System.arraycopy(previous.masks(), 0, masks, 0, previous.length());
                System.arraycopy(run.masks(), 0, masks, previous.length(), run.length());
                merged.set(last, new ByteRun(values, masks));
            } else if (last >= 0 && element instanceof Gap gap && merged.get(last) instanceof Gap previous) {
                long max = (long) previous.max() + gap.max();
                merged.set(last, new Gap(previous.min() + gap.min(),
                        previous.unbounded() || gap.unbounded() || max >= Gap.UNBOUNDED ? Gap.UNBOUNDED : (int) max));
            } else {
                merged.add(element);
            }
        }
        return merged;
    }
}
