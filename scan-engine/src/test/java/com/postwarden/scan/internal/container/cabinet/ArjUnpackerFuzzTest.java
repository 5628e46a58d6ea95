package com.postwarden.scan.internal.container.cabinet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.container.DrainingEntries;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * Feeds arbitrary bytes to the unpacker of ARJ archives (headers and methods 0 to 4).
 * A normal build replays the committed seeds in {@code ArjUnpackerFuzzTestInputs/}; {@code JAZZER_FUZZ=1} with
 * {@code -Dtest=} on this class fuzzes and adds findings there. Damaged input must end in an
 * {@link IOException}; anything else escaping is a finding.
 */
class ArjUnpackerFuzzTest {
    private final ArjUnpacker unpacker = new ArjUnpacker();

    @FuzzTest(maxDuration = "5m")
    void anyBytesUnpackOrFailWithAnIOException(byte[] input) {
        try {
            unpacker.unpack(Content.of(input), new DrainingEntries());
        } catch (IOException damaged) {
            // a damaged ARJ container, reported as such
        }
    }
}
