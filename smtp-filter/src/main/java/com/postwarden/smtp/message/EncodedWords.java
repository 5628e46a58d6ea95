package com.postwarden.smtp.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * Decodes RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in header text. Linear in the length of the text:
 * the pattern is bounded, unlike a search for the closing {@code ?=} from every opening {@code =?}.
 * Adjacent encoded words in the same charset are joined before decoding, so a character split across two words
 * survives. A word that cannot be decoded is left as written and recorded.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,64})\\?([bBqQ])\\?([^?\\s]{0,2000})\\?=");

    private final DefectLog defects;
    private final StringBuilder out = new StringBuilder();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Charset pendingCharset;

    private EncodedWords(DefectLog defects) {
        this.defects = defects;
    }

    static String decode(String text, DefectLog defects) {
        if (!text.contains("=?")) {
            return text;
        }
        return new EncodedWords(defects).run(text);
    }

    private String run(String text) {
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            if (pendingCharset == null || !between.isBlank()) {
                flush();
                out.append(between);
            }
            word(m.group(), m.group(1), m.group(2), m.group(3));
            last = m.end();
        }
        flush();
        return out.append(text, last, text.length()).toString();
    }

    private void word(String whole, String charsetName, String encoding, String encoded) {
        Charset charset = CharsetUtil.lookup(stripLanguage(charsetName));
        byte[] bytes = charset == null ? null : bytes(encoding, encoded);
        if (bytes == null) {
            flush();
            out.append(whole);
            defects.record(MimeDefect.Type.INVALID_ENCODED_WORD,
                    charset == null ? "unknown charset in " + whole : "undecodable " + whole);
            return;
        }
        if (!charset.equals(pendingCharset)) {
            flush();
            pendingCharset = charset;
        }
        pending.writeBytes(bytes);
    }

    private void flush() {
        if (pendingCharset != null) {
            out.append(new String(pending.toByteArray(), pendingCharset));
            pending.reset();
            pendingCharset = null;
        }
    }

    /** RFC 2231 section 5 allows {@code charset*language}. */
    private static String stripLanguage(String charsetName) {
        int star = charsetName.indexOf('*');
        return star < 0 ? charsetName : charsetName.substring(0, star);
    }

    private static byte[] bytes(String encoding, String encoded) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Base64.getMimeDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return qDecode(encoded);
    }

    /** The "Q" encoding of RFC 2047 section 4.2: {@code _} is a space, {@code =XX} a byte. */
    static byte[] qDecode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) >= 0
                    && hex(encoded.charAt(i + 2)) >= 0) {
                bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c > 0xff) {
                return null;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** The value of an ASCII hex digit, or -1 (unlike {@link Character#digit}, no other scripts' digits). */
    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
