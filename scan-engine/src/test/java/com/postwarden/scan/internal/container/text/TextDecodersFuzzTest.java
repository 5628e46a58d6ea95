package com.postwarden.scan.internal.container.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.container.RecordingEntries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * Feeds arbitrary bytes to the hand-written text decoders and to the mail unpacker; only {@link IOException} may
 * escape. A normal build replays the committed seeds in {@code TextDecodersFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * with {@code -Dtest=} on one method fuzzes it.
 */
class TextDecodersFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void binHexDecoderThrowsOnlyIoException(byte[] input) {
        unpack(new BinHexUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void uudecoderThrowsOnlyIoException(byte[] input) {
        unpack(new UuencodeUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void yencDecoderThrowsOnlyIoException(byte[] input) {
        unpack(new YencUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void htmlDataFinderThrowsOnlyIoException(byte[] input) {
        unpack(new HtmlUnpacker(), input);
    }

    @FuzzTest(maxDuration = "5m")
    void mailUnpackerThrowsOnlyIoException(byte[] input) {
        unpack(new MailUnpacker(), input);
    }

    private static void unpack(Unpacker unpacker, byte[] input) {
        try {
            unpacker.unpack(Content.of(input), new RecordingEntries(64));
        } catch (IOException expected) {
            // damaged input is reported, never thrown as anything else
        }
    }
}
