package com.postwarden.scan.internal.content;

import java.nio.file.Path;
import java.util.Objects;

/** Where and from which size extracted content leaves the heap for a temporary file. */
public record Spooling(Path directory, int memoryThreshold) {
    public Spooling {
        Objects.requireNonNull(directory, "directory");
        if (memoryThreshold <= 0) {
            throw new IllegalArgumentException("memoryThreshold must be positive, was " + memoryThreshold);
        }
    }
}
