package com.postwarden.scan.internal.container.cabinet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.container.DrainingEntries;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * Feeds arbitrary bytes to the unpacker of help files (the ITSF/PMGL directory and both sections).
 * A normal build replays the committed seeds in {@code ChmUnpackerFuzzTestInputs/}; {@code JAZZER_FUZZ=1} with
 * {@code -Dtest=} on this class fuzzes and adds findings there. Damaged input must end in an
 * {@link IOException}; anything else escaping is a finding.
 */
class ChmUnpackerFuzzTest {
    private final ChmUnpacker unpacker = new ChmUnpacker();

    @FuzzTest(maxDuration = "5m")
    void anyBytesUnpackOrFailWithAnIOException(byte[] input) {
        try {
            unpacker.unpack(Content.of(input), new DrainingEntries());
        } catch (IOException damaged) {
            // a damaged CHM container, reported as such
        }
    }
}
