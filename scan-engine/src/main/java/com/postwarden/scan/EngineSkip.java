package com.postwarden.scan;

import java.util.Objects;

/**
 * An external engine did not scan an object: it was unreachable, failed, timed out, or the object exceeded its
 * size limit. Never the same as clean; what it means for the message depends on {@code required}.
 *
 * @param engine   the engine's name, e.g. {@code clamd}
 * @param required whether the engine was configured as required
 * @param reason   why, as a sentence for the log
 * @param path     the object it did not scan
 */
public record EngineSkip(String engine, boolean required, String reason, ContainerPath path) {
    public EngineSkip {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(path, "path");
    }
}
