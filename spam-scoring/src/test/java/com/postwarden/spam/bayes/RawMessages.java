package com.postwarden.spam.bayes;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.message.MessageReader;
import java.nio.charset.StandardCharsets;

/** Messages for the classifier's tests, read by the product's own reader. */
final class RawMessages {
    private static final MessageReader READER = new MessageReader();

    private RawMessages() {
    }

    static SpamMessage parse(String message) {
        return parse(message.getBytes(StandardCharsets.UTF_8));
    }

    static SpamMessage parse(byte[] raw) {
        return READER.read(raw, Envelope.NONE);
    }
}
