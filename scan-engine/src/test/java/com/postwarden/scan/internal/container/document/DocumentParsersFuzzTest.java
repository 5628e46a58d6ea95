package com.postwarden.scan.internal.container.document;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * Feeds arbitrary bytes to the hand-written document parsers and to POI's compound file reader; only
 * {@link IOException} may escape. A normal build replays the committed seeds in
 * {@code DocumentParsersFuzzTestInputs/}; {@code JAZZER_FUZZ=1} with {@code -Dtest=} on one method fuzzes it.
 */
class DocumentParsersFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void pdfScannerThrowsOnlyIoException(byte[] input) {
        unpack(new PdfUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void rtfObjectDataThrowsOnlyIoException(byte[] input) {
        unpack(new RtfUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void tnefReaderThrowsOnlyIoException(byte[] input) {
        unpack(new TnefUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void ole2UnpackerThrowsOnlyIoException(byte[] input) {
        unpack(new Ole2Unpacker(), input);
    }

    static void unpack(Unpacker unpacker, byte[] input) {
        try {
            unpacker.unpack(Content.of(input), new RecordingEntries(64));
        } catch (IOException expected) {
            // damaged input is reported, never thrown as anything else
        }
    }
}
