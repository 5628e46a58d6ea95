package com.postwarden.scan.external;

import java.util.Objects;

/** Whether an external engine answers, for the console and the health check. */
public sealed interface EngineHealth {

    /**
     * The engine answered.
     *
     * @param version what the engine says of itself, e.g. {@code ClamAV 1.4.6/27000/...} or the ICAP
     *     {@code Service} and {@code ISTag}
     */
    record Available(String version) implements EngineHealth {
        public Available {
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * The engine did not answer properly.
     *
     * @param reason what went wrong
     */
    record Unavailable(String reason) implements EngineHealth {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
