package com.postwarden.spam.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a text part's bytes to Unicode, leniently: a missing, unknown or misspelt charset falls back to UTF-8
 * when the bytes are valid UTF-8 and to windows-1252 otherwise (what mail clients do); bad sequences become
 * U+FFFD. US-ASCII and ISO-8859-1 are read as windows-1252, their common real-world superset. Thread-safe.
 */
final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    String decode(byte[] bytes, int length, String declaredCharset) {
        Charset charset = charsetFor(declaredCharset);
        if (charset == null) {
            charset = isUtf8(bytes, length) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return new String(bytes, 0, length, charset);
    }

    private static Charset charsetFor(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = declared.strip().toLowerCase(Locale.ROOT);
        if (name.equals("us-ascii") || name.equals("ascii") || name.equals("iso-8859-1") || name.equals("latin1")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknownOrIllegal) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
