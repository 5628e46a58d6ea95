package com.postwarden.smtp.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/** Turns the raw bytes of a header field into text: UTF-8 where valid (RFC 6532), else ISO-8859-1. */
final class HeaderText {

    private HeaderText() {
    }

    /**
     * The name and the raw value (after the colon) of {@code field}. Reads the bytes at once: Mime4J reuses the
     * buffer behind a field after its callback returns.
     */
    static HeaderField read(Field field, DefectLog defects) {
        ByteSequence raw = field.getRaw();
        String name = field.getName();
        if (raw == null) {
            String body = field.getBody() == null ? "" : field.getBody();
            return new HeaderField(name, body, EncodedWords.decode(unfold(body), defects).strip());
        }
        byte[] bytes = raw.toByteArray();
        int colon = indexOf(bytes, (byte) ':');
        String value = decode(bytes, colon + 1, bytes.length - colon - 1, defects);
        return new HeaderField(name, value, EncodedWords.decode(unfold(value), defects).strip());
    }

    /**
     * Removes folding (a line end before white space, which stays) and any other stray line end: every CR and LF
     * goes, nothing else.
     */
    static String unfold(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(byte[] bytes, int offset, int length, DefectLog defects) {
        if (indexOf(bytes, (byte) 0) >= 0) {
            defects.record(MimeDefect.Type.INVALID_HEADER_BYTES, "NUL byte in a header field");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            defects.record(MimeDefect.Type.INVALID_HEADER_BYTES, "header bytes are not UTF-8");
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
