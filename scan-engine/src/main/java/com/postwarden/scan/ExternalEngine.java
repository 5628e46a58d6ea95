package com.postwarden.scan;

import com.postwarden.scan.external.ExternalScanner;
import java.util.Objects;

/**
 * An external engine consulted beside the built-in one for every attachment.
 *
 * @param name     how reports name it (detections are prefixed with it: {@code clamd:Win.Test.EICAR_HDB-1})
 * @param required whether a message must wait for this engine: when it cannot scan an attachment (unreachable,
 *                 failing, too large) the scan is incomplete, see {@link EngineSkip#required()}
 */
public record ExternalEngine(String name, ExternalScanner scanner, boolean required) {
    public ExternalEngine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scanner, "scanner");
    }

    /** Named as the scanner names itself. */
    public ExternalEngine(ExternalScanner scanner, boolean required) {
        this(scanner.name(), scanner, required);
    }
}
