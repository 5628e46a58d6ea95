package com.postwarden.spam.bayes;

import com.postwarden.spam.SpamMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a message for learning: SHA-256 over its {@code Message-ID}, {@code Date}, {@code From},
 * {@code Subject} and its raw body. Relays add {@code Received} fields and filters add their own, so the whole
 * raw message would differ between the copy scored and the copy an admin later reports; these parts do not.
 */
public final class MessageFingerprint {
    private MessageFingerprint() {
    }

    /** 64 lower-case hex digits. */
    public static String of(SpamMessage message) {
        MessageDigest sha = sha256();
        for (String field : new String[] {"Message-ID", "Date", "From", "Subject"}) {
            sha.update(String.join("\n", message.header(field)).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        sha.update(message.rawBody().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
