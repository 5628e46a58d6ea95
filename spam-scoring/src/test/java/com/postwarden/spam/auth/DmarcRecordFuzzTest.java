package com.postwarden.spam.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Feeds arbitrary text to the DMARC record parser; it answers a record or empty and never throws. A normal build
 * replays the committed seeds in {@code DmarcRecordFuzzTestInputs/}; {@code JAZZER_FUZZ=1} with {@code -Dtest=}
 * on this method fuzzes it.
 */
class DmarcRecordFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyTextIsARecordOrNone(byte[] input) {
        DmarcRecord.parse(new String(input, StandardCharsets.UTF_8));
    }
}
