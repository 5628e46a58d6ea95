package com.postwarden.scan.internal.match;

import java.util.Objects;

/** What the signatures said about one object, before its contents are unpacked. */
public sealed interface MatchResult {

    /** No signature matched: unpack and scan what the object contains. */
    record NoMatch() implements MatchResult {
        public static final NoMatch INSTANCE = new NoMatch();
    }

    /** A signature matched, and no allow-list entry forgave it. */
    record Detected(String signature) implements MatchResult {
        public Detected {
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** The object is on an allow-list (.fp/.sfp): it and everything in it count as clean. */
    record Allowed(String entry) implements MatchResult {
        public Allowed {
            Objects.requireNonNull(entry, "entry");
        }
    }
}
