package com.postwarden.scan;

import java.util.Objects;

/**
 * What the engine concluded about one scanned object and everything inside it. A scan that could not look
 * at everything is {@link Unscannable}, never {@link Clean}; a heuristic that found something worth a second
 * look, but not enough to call it malware, makes it {@link Suspicious}.
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

    /**
     * A heuristic configured as suspicious matched; {@code name} is its detection name such as
     * {@code Heuristic.Name.HiddenExtension}, {@code path} the object it matched on. The scan went on.
     */
    record Suspicious(String name, ContainerPath path) implements Verdict {
        public Suspicious {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
        }
    }

    static Verdict clean() {
        return Clean.INSTANCE;
    }

    /**
     * The stronger of two verdicts: infected over unscannable over suspicious over clean; the first wins a tie.
     * Unscannable ranks above suspicious, so a suspicious finding never hides a part that was not looked at.
     */
    static Verdict worse(Verdict a, Verdict b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Verdict verdict) {
        if (verdict instanceof Infected) {
            return 3;
        }
        if (verdict instanceof Unscannable) {
            return 2;
        }
        return verdict instanceof Suspicious ? 1 : 0;
    }
}
