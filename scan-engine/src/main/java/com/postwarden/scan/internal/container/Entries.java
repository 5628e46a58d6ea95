package com.postwarden.scan.internal.container;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the entries an {@link Unpacker} extracts. Every method returns whether the unpacker should go on:
 * {@code false} once the scan has its answer (a detection) or a limit ends it.
 */
public interface Entries {

    /**
     * Scans one entry, reading {@code data} to its end (or until a limit) before returning. The stream stays
     * the unpacker's to close.
     *
     * @param name the entry's name inside the container, or a made-up one ({@code "stream-3"}) if it has none
     */
    boolean add(String name, InputStream data) throws IOException;

    /**
     * As {@link #add(String, InputStream)}, for an entry whose container declares a media type for it (a mail
     * part's {@code Content-Type}), so heuristics can compare the claim with the content.
     *
     * @param declaredType the declared media type, lower case, without parameters; empty when none
     */
    default boolean add(String name, InputStream data, String declaredType) throws IOException {
        return add(name, data);
    }

    /**
     * Reports an entry that cannot be read because it is encrypted; {@code format} names the container type
     * for the reason ({@code "Zip"} gives {@code Heuristics.Encrypted.Zip}).
     */
    boolean encrypted(String name, String format);

    /** How many entries this container may still hand over before {@code maxEntries} is reached. */
    int remainingEntries();

    /**
     * The name of the container itself ({@code "report.tar.gz"}), for formats that store no name for their single
     * entry and derive it from the container's; empty when unknown.
     */
    default String containerName() {
        return "";
    }
}
