package com.postwarden.scan.internal.signature;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One subsignature of an {@code .ldb} signature. */
public sealed interface Subsignature {

    SignatureOffset offset();

    /**
     * A hex subsignature; {@code variants} holds one pattern, or two for {@code ::wa} (wide and ASCII), either
     * of which counts as a match of the subsignature.
     */
    record Hex(SignatureOffset offset, List<BodyPattern> variants) implements Subsignature {
        public Hex {
            Objects.requireNonNull(offset, "offset");
            variants = List.copyOf(variants);
        }
    }

    /**
     * A PCRE subsignature {@code [Offset:]Trigger/regex/flags}, run after the pass over the object when its
     * trigger holds.
     *
     * @param global {@code g}: count every match, not only the first
     * @param rolling {@code r}: with an offset, search from it instead of matching only at it
     * @param encompass {@code e}: with {@code offset,maxshift}, the match must lie within that window
     * @param anchored {@code A}: match only at the search start
     */
    record Pcre(SignatureOffset offset, LogicalExpression trigger, Pattern regex, boolean global, boolean rolling,
                boolean encompass, boolean anchored) implements Subsignature {
        public Pcre {
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(regex, "regex");
        }
    }
}
