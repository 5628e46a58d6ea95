package com.postwarden.spam.message;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;

/**
 * Feeds arbitrary bytes to the message reader: nothing may escape, and no view may grow past its cap. Seeds in
 * {@code MessageReaderFuzzTestInputs/} are small real-world shaped messages (multipart, HTML, encoded words).
 */
class MessageReaderFuzzTest {
    private static final MessageLimits LIMITS = new MessageLimits(50, 500, 10, 4096, 2000, 2000, 2000, 20, 200);
    private static final MessageReader READER = new MessageReader(LIMITS);

    @FuzzTest(maxDuration = "5m")
    void anyBytesAreReadWithinTheLimits(byte[] input) {
        SpamMessage message = READER.read(input, Envelope.NONE);
        if (message.text().length() > LIMITS.maxTextChars() || message.html().length() > LIMITS.maxHtmlChars()
                || message.rawBody().length() > LIMITS.maxRawBodyChars() || message.uris().size() > LIMITS.maxUris()
                || message.headers().size() > LIMITS.maxHeaderFields()) {
            throw new AssertionError("a view grew past its cap");
        }
    }
}
