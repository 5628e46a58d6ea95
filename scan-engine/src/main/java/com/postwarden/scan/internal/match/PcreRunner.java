package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.signature.SignatureOffset;
import com.postwarden.scan.internal.signature.Subsignature;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;

/**
 * Runs a PCRE subsignature over an object and counts its matches, following ClamAV's options: without an
 * offset the regex searches the whole object; with one it must match right at the offset (any start up to
 * {@code maxshift} later), or search from there ({@code r}), or lie within the {@code maxshift} bytes from the
 * offset ({@code e});
 * {@code g} counts every match instead of the first. Work is bounded by {@link #budgetFor(int)} characters
 * read per run; a run past it, or one that overflows the regex engine's stack, counts as no match. Stateless.
 */
final class PcreRunner {
    /** Characters a regex may always read. */
    static final long BASE_STEPS = 10_000_000L;
    /** Most starts tried for an offset with a shift but no {@code r} flag. */
    static final long MAX_ANCHORED_STARTS = 4096;
    private static final int KIND_ANY = SignatureOffset.Kind.ANY.ordinal();

    private PcreRunner() {
    }

    static long budgetFor(int size) {
        return BASE_STEPS + 4L * size;
    }

    static int count(Subsignature.Pcre pcre, ObjectInfo info, ByteBuffer bytes, long[] range) {
        int size = info.size();
        long[] steps = {budgetFor(size)};
        Matcher matcher = pcre.regex().matcher(new BoundedCharSequence(bytes, 0, size, steps));
        matcher.useAnchoringBounds(false);
        matcher.useTransparentBounds(true);
        SignatureOffset offset = pcre.offset();
        try {
            if (offset.kind().ordinal() == KIND_ANY) {
                return search(matcher, 0, size, pcre.global(), pcre.anchored());
            }
            if (!info.resolve(offset.kind().ordinal(), offset.value(), offset.section(), offset.shift(), range)) {
                return 0;
            }
            int from = (int) Math.min(range[0], size);
            int last = (int) Math.min(range[1], size);
            if (pcre.encompass() && offset.shift() > 0) {
                return search(matcher, from, last, pcre.global(), pcre.anchored());
            }
            if (pcre.rolling()) {
                return search(matcher, from, size, pcre.global(), pcre.anchored());
            }
            int matches = 0;
            for (long start = from; start <= last && start - from < MAX_ANCHORED_STARTS; start++) {
                matcher.region((int) start, size);
                if (matcher.lookingAt()) {
                    matches++;
                    if (!pcre.global()) {
                        break;
                    }
                }
            }
            return matches;
        } catch (BoundedCharSequence.BudgetExceeded | StackOverflowError e) {
            return 0;
        }
    }

    private static int search(Matcher matcher, int from, int to, boolean global, boolean anchored) {
        matcher.region(from, to);
        if (anchored) {
            return matcher.lookingAt() ? 1 : 0;
        }
        int matches = 0;
        while (matcher.find()) {
            matches++;
            if (!global) {
                break;
            }
            if (matcher.end() == matcher.start() && matcher.end() >= to) {
                break;
            }
        }
        return matches;
    }
}
