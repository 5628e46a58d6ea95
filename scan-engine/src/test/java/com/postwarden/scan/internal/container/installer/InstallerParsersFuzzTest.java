package com.postwarden.scan.internal.container.installer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.container.DrainingEntries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * Feeds arbitrary bytes to the hand-written installer parsers; only {@link IOException} may escape. A normal
 * build replays the committed seeds in {@code InstallerParsersFuzzTestInputs/}; {@code JAZZER_FUZZ=1} with
 * {@code -Dtest=} on one method fuzzes it and adds findings there.
 */
class InstallerParsersFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void peScannerThrowsOnlyIoException(byte[] input) {
        unpack(new PeUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void nsisUnpackerThrowsOnlyIoException(byte[] input) {
        unpack(new NsisUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void autoItUnpackerThrowsOnlyIoException(byte[] input) {
        unpack(new AutoItUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void installShieldMsiUnpackerThrowsOnlyIoException(byte[] input) {
        unpack(new InstallShieldMsiUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void sisUnpackerThrowsOnlyIoException(byte[] input) {
        unpack(new SisUnpacker(), input);
    }

    private static void unpack(Unpacker unpacker, byte[] input) {
        try {
            unpacker.unpack(Content.of(input), new DrainingEntries());
        } catch (IOException expected) {
            // damaged input is reported, never thrown as anything else
        }
    }
}
