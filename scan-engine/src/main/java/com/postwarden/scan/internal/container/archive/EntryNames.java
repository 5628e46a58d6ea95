package com.postwarden.scan.internal.container.archive;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Names for entries whose container stores none: derived from the container's own name. */
final class EntryNames {
    /** The name of an entry when neither the container nor its name tell one. */
    static final String UNNAMED = "data";

    private EntryNames() {
    }

    /**
     * The container's name without the suffix its format gives ({@code "a.tar.gz"} gives {@code "a.tar"},
     * {@code "a.tgz"} gives {@code "a.tar"}), or {@link #UNNAMED} when the name is unknown or has no such suffix.
     */
    static String withoutSuffix(String containerName, Predicate<String> hasSuffix, UnaryOperator<String> strip) {
        if (containerName == null || containerName.isEmpty() || !hasSuffix.test(containerName)) {
            return UNNAMED;
        }
        String stripped = strip.apply(containerName);
        return stripped.isEmpty() ? UNNAMED : stripped;
    }
}
