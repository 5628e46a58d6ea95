package com.postwarden.scan.internal.container;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * Opens one container format and hands each entry to {@link Entries}, which scans it (recursively) before the
 * unpacker moves on. Unpackers enforce no limits themselves: sizes, counts, ratios, depth and time are the
 * engine's business, applied on the streams handed over. Implementations are stateless and thread-safe.
 */
public interface Unpacker {

    /**
     * Extracts the entries of {@code container}. Stops early when {@link Entries} says the scan is over.
     *
     * @throws IOException when the container is damaged; entries handed over before still count
     */
    void unpack(Content container, Entries entries) throws IOException;
}
