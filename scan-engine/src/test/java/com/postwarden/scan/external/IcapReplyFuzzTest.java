package com.postwarden.scan.external;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Feeds arbitrary bytes to the ICAP reply reader and the verdict built on it; only {@link IOException} may
 * escape. A normal build replays the committed seeds in {@code IcapReplyFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * with {@code -Dtest=} on this method fuzzes it.
 */
class IcapReplyFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyReplyIsReadOrRejectedWithAnIoException(byte[] input) {
        IcapResponseReader reader = new IcapResponseReader(new ByteArrayInputStream(input), 1 << 20);
        try {
            for (int i = 0; i < 4; i++) {
                IcapResponse reply = reader.read();
                IcapVerdict.of(reply, 68, new byte[32], "icap:fuzz");
                IcapOptions.from(reply, java.time.Duration.ofHours(1), java.time.Instant.EPOCH);
            }
        } catch (IOException expected) {
            // a malformed reply is reported, never thrown as anything else
        }
    }
}
