package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.BodyPattern;
import com.postwarden.scan.internal.signature.CharacterClasses;
import com.postwarden.scan.internal.signature.EdgeMarker;
import com.postwarden.scan.internal.signature.PatternElement.Alternatives;
import com.postwarden.scan.internal.signature.PatternElement.ByteClass;
import com.postwarden.scan.internal.signature.PatternElement.ByteRun;
import com.postwarden.scan.internal.signature.PatternElement.Gap;
import com.postwarden.scan.internal.signature.PatternElement.NegatedAlternatives;
import com.postwarden.scan.internal.signature.PatternElement;
import com.postwarden.scan.internal.signature.SignatureOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles body patterns into {@link CompiledPatterns} and their literals into a {@link LiteralIndexBuilder}:
 * each pattern is split at the literal {@link LiteralChooser} picks, the part before it encoded in reverse order
 * for backward matching, the part after it in order. Not thread-safe; one per database compilation.
 */
final class PatternCompiler {
    /** Reason for a pattern without a usable literal. */
    static final String NO_LITERAL = "no static part of two bytes";

    private final LiteralIndexBuilder literals;
    private final Growable.Ints code = new Growable.Ints();
    private final Growable.Bytes data = new Growable.Bytes();
    private final Growable.Longs classes = new Growable.Longs();
    private final Growable.Ints forwardPc;
    private final Growable.Ints backwardPc;
    private final Growable.Ints literalLength;
    private final Growable.Ints preMin;
    private final Growable.Ints preMax;
    private final Growable.Ints postMin;
    private final Growable.Ints flags;
    private final Growable.Bytes target;
    private final Growable.Bytes offsetKind;
    private final Growable.Ints offsetValue;
    private final Growable.Ints offsetSection;
    private final Growable.Ints offsetShift;
    private final Growable.Ints owner;
    private int starSlots;

    /** @param expectedPatterns how many patterns will be added: the per-pattern arrays are made that size */
    PatternCompiler(int expectedPatterns) {
        literals = new LiteralIndexBuilder(expectedPatterns);
        forwardPc = new Growable.Ints(expectedPatterns);
        backwardPc = new Growable.Ints(expectedPatterns);
        literalLength = new Growable.Ints(expectedPatterns);
        preMin = new Growable.Ints(expectedPatterns);
        preMax = new Growable.Ints(expectedPatterns);
        postMin = new Growable.Ints(expectedPatterns);
        flags = new Growable.Ints(expectedPatterns);
        target = new Growable.Bytes(expectedPatterns);
        offsetKind = new Growable.Bytes(expectedPatterns);
        offsetValue = new Growable.Ints(expectedPatterns);
        offsetSection = new Growable.Ints(expectedPatterns);
        offsetShift = new Growable.Ints(expectedPatterns);
        owner = new Growable.Ints(expectedPatterns);
    }

    /**
     * Adds a pattern; returns {@code null}, or the reason it cannot be matched.
     *
     * @param owner the body signature's index, or {@code -(subsignature index + 1)} for a logical subsignature
     */
    String add(BodyPattern pattern, int targetType, SignatureOffset offset, int owner) {
        LiteralChooser.Choice choice = LiteralChooser.choose(pattern);
        if (choice == null) {
            return NO_LITERAL;
        }
        List<PatternElement> elements = pattern.elements();
        int at = choice.element();
        ByteRun run = (ByteRun) elements.get(at);
        ByteRun head = choice.from() > 0 ? run.slice(0, choice.from()) : null;
        ByteRun tail = choice.to() < run.length() ? run.slice(choice.to(), run.length()) : null;
        int pattern0 = this.owner.size();
        long min = head == null ? 0 : head.length();
        long max = min;
        for (int i = 0; i < at; i++) {
            PatternElement element = elements.get(i);
            min += element.minLength();
            max = element.maxLength() == Gap.UNBOUNDED || max < 0 ? -1 : max + element.maxLength();
        }
        long afterMin = tail == null ? 0 : tail.length();
        for (int i = at + 1; i < elements.size(); i++) {
            afterMin += elements.get(i).minLength();
        }
        // before the literal: matched backwards, so the part next to the literal first
        backwardPc.add(encode(head, elements, at - 1, -1, -1, pattern.nocase()));
        forwardPc.add(encode(tail, elements, at + 1, elements.size(), 1, pattern.nocase()));
        literalLength.add(choice.length());
        preMin.add((int) Math.min(min, Integer.MAX_VALUE));
        preMax.add(max < 0 || max > Integer.MAX_VALUE ? CompiledPatterns.UNBOUNDED : (int) max);
        postMin.add((int) Math.min(afterMin, Integer.MAX_VALUE));
        flags.add(flags(pattern));
        target.add((byte) targetType);
        offsetKind.add((byte) offset.kind().ordinal());
        offsetValue.add((int) offset.value());
        offsetSection.add(offset.section());
        offsetShift.add((int) offset.shift());
        this.owner.add(owner);
        byte[] literal = Arrays.copyOfRange(run.values(), choice.from(), choice.to());
        if (pattern.nocase()) {
            for (byte[] variant : variants(literal, true)) {
                literals.add(variant, pattern0);
            }
        } else {
            literals.add(literal, pattern0);
        }
        return null;
    }

    int patternCount() {
        return owner.size();
    }

    CompiledPatterns patterns() {
        return new CompiledPatterns(code.toArray(), data.toArray(), classes.toArray(), forwardPc.toArray(),
                backwardPc.toArray(), literalLength.toArray(), preMin.toArray(), preMax.toArray(), postMin.toArray(),
                flags.toArray(), target.toArray(), offsetKind.toArray(), offsetValue.toArray(),
                offsetSection.toArray(), offsetShift.toArray(), owner.toArray(), starSlots);
    }

    LiteralIndex literalIndex() {
        return literals.build();
    }

    /** Encodes {@code first} (may be null), then {@code elements[from]}, stepping by {@code step} up to {@code to}. */
    private int encode(ByteRun first, List<PatternElement> elements, int from, int to, int step, boolean nocase) {
        int start = code.size();
        if (first != null) {
            encodeRun(first, nocase);
        }
        for (int i = from; i != to; i += step) {
            PatternElement element = elements.get(i);
            if (element instanceof ByteRun run) {
                encodeRun(run, nocase);
            } else if (element instanceof ByteClass byteClass) {
                code.add(CompiledPatterns.CLASS);
                code.add(classes.add(nocase ? foldClass(byteClass) : byteClass.bits()));
            } else if (element instanceof Alternatives alternatives) {
                code.add(CompiledPatterns.ALT);
                code.add(alternatives.options().size());
                for (ByteRun option : alternatives.options()) {
                    code.add(option.length());
                    code.add(option.allExact() ? data.add(values(option, nocase)) : addMasked(option, nocase));
                    code.add(option.allExact() ? 0 : 1);
                }
            } else if (element instanceof NegatedAlternatives negated) {
                code.add(CompiledPatterns.NOTALT);
                code.add(negated.options().size());
                code.add(negated.length());
                for (byte[] option : negated.options()) {
                    code.add(data.add(option));
                }
            } else if (element instanceof Gap gap) {
                code.add(CompiledPatterns.GAP);
                code.add(gap.min());
                code.add(gap.max());
                code.add(gap.unbounded() ? starSlots++ : -1);
            }
        }
        code.add(CompiledPatterns.END);
        return start;
    }

    private void encodeRun(ByteRun run, boolean nocase) {
        if (run.allExact()) {
            code.add(CompiledPatterns.EXACT);
            code.add(run.length());
            code.add(data.add(values(run, nocase)));
        } else {
            code.add(CompiledPatterns.MASKED);
            code.add(run.length());
            code.add(addMasked(run, nocase));
        }
    }

    /** Values with the mask applied (folded to lower case where exact and case-insensitive), then the masks. */
    private int addMasked(ByteRun run, boolean nocase) {
        byte[] values = values(run, nocase);
        for (int i = 0; i < values.length; i++) {
            values[i] &= run.masks()[i];
        }
        int at = data.add(values);
        data.add(run.masks());
        return at;
    }

    private static byte[] values(ByteRun run, boolean nocase) {
        byte[] values = run.values().clone();
        if (nocase) {
            for (int i = 0; i < values.length; i++) {
                if (run.isExact(i)) {
                    values[i] = (byte) CharacterClasses.fold(values[i]);
                }
            }
        }
        return values;
    }

    private static long[] foldClass(ByteClass byteClass) {
        long[] bits = byteClass.bits();
        for (int b = 'A'; b <= 'Z'; b++) {
            if (byteClass.contains(b) || byteClass.contains(b + 32)) {
                bits[b >>> 6] |= 1L << (b & 63);
                bits[(b + 32) >>> 6] |= 1L << ((b + 32) & 63);
            }
        }
        return bits;
    }

    private static int flags(BodyPattern pattern) {
        int flags = marker(pattern.left()) | (pattern.left() != null && pattern.left().negated()
                ? CompiledPatterns.LEFT_NEGATED : 0);
        flags |= marker(pattern.right()) << CompiledPatterns.RIGHT_SHIFT;
        if (pattern.right() != null && pattern.right().negated()) {
            flags |= CompiledPatterns.RIGHT_NEGATED;
        }
        if (pattern.nocase()) {
            flags |= CompiledPatterns.NOCASE;
        }
        if (pattern.wide()) {
            flags |= CompiledPatterns.WIDE;
        }
        return flags;
    }

    private static int marker(EdgeMarker marker) {
        if (marker == null) {
            return CompiledPatterns.MARK_NONE;
        }
        return switch (marker.kind()) {
            case BOUNDARY -> CompiledPatterns.MARK_BOUNDARY;
            case LINE -> CompiledPatterns.MARK_LINE;
            case WORD -> CompiledPatterns.MARK_WORD;
        };
    }

    /** The literal, or every case variant of it for a case-insensitive pattern. */
    static List<byte[]> variants(byte[] literal, boolean nocase) {
        List<byte[]> variants = new ArrayList<>();
        variants.add(literal.clone());
        if (!nocase) {
            return variants;
        }
        for (int i = 0; i < literal.length; i++) {
            if (!CharacterClasses.isAsciiLetter(literal[i])) {
                continue;
            }
            int n = variants.size();
            for (int v = 0; v < n; v++) {
                byte[] other = variants.get(v).clone();
                other[i] = (byte) (other[i] ^ 0x20);
                variants.add(other);
            }
        }
        return variants;
    }
}
