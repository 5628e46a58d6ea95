package com.postwarden.scan;

import java.util.Objects;

/**
 * What the engine concluded about one scanned object and everything inside it. A scan that could not look
 * at everything is {@link Unscannable}, never {@link Clean}.
 */
public sealed interface Verdict {

    /** Nothing was found and every byte was looked at. */
    record Clean() implements Verdict {
        private static final Clean INSTANCE = new Clean();
    }

    /** A signature matched; {@code path} names the innermost object it matched in. */
    record Infected(String signature, ContainerPath path) implements Verdict {
        public Infected {
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Part of the content could not be scanned: a limit was reached, an entry is encrypted or a container is
     * damaged. {@code reason} is a detection-style name such as {@code Heuristics.Limits.Exceeded.MaxRecursion}.
     */
    record Unscannable(String reason, ContainerPath path) implements Verdict {
        public Unscannable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(path, "path");
        }
    }

    static Verdict clean() {
        return Clean.INSTANCE;
    }

    /** The stronger of two verdicts: infected over unscannable over clean; the first wins a tie. */
    static Verdict worse(Verdict a, Verdict b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Verdict verdict) {
        if (verdict instanceof Infected) {
            return 2;
        }
        return verdict instanceof Unscannable ? 1 : 0;
    }
}
