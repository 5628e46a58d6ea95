package com.postwarden.scan.external;

import java.util.Objects;

/**
 * What an external engine said about one object. Only {@link Clean} lets the object through, and a scanner
 * returns it only when the engine itself answered "clean" after receiving the whole object; every other
 * outcome (too large, unreachable, timed out, a reply that cannot be understood) is {@link NotScanned} or
 * {@link Failed}, never clean.
 */
public sealed interface ExternalResult {

    /** The engine received the whole object and reported nothing. */
    record Clean() implements ExternalResult {
        private static final Clean INSTANCE = new Clean();
    }

    /**
     * The engine reported a detection.
     *
     * @param name the engine's name for what it found, e.g. {@code Win.Test.EICAR_HDB-1}; a generic name such
     *     as {@code ICAP.Blocked} when the engine blocked the object without naming a threat
     */
    record Infected(String name) implements ExternalResult {
        public Infected {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The object was deliberately not scanned, because it exceeds the size limit configured for the engine or
     * the limit the engine announced (clamd's {@code StreamMaxLength}).
     *
     * @param reason a sentence for the log naming the limit
     */
    record NotScanned(String reason) implements ExternalResult {
        public NotScanned {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The scan did not happen or its outcome is unknown: the engine is unreachable, timed out, broke the
     * protocol or replied with an error.
     *
     * @param reason a sentence for the log naming the engine and the fault
     */
    record Failed(String reason) implements ExternalResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The shared clean result. */
    static ExternalResult clean() {
        return Clean.INSTANCE;
    }
}
