package com.postwarden.smtp.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * Decodes the kept bytes of a text part to a string; never throws. A known charset is used with replacement of
 * bad bytes. US-ASCII, a missing charset and an unknown one are read the way mail clients read them: UTF-8 when the
 * bytes are valid UTF-8, else windows-1252 (a superset of ISO-8859-1's printable range). When the bytes were cut
 * by a text limit, a character split at the cut is dropped rather than replaced.
 */
final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    record DecodedText(String text, String charset) {
    }

    static DecodedText decode(byte[] bytes, int length, String declared, boolean truncated, DefectLog defects) {
        Charset charset = declared == null || declared.isBlank() ? null : CharsetUtil.lookup(declared.strip());
        if (declared != null && !declared.isBlank() && charset == null) {
            defects.record(MimeDefect.Type.UNKNOWN_CHARSET, "unknown charset '" + declared.strip() + "'");
        }
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            charset = isUtf8(bytes, length, truncated) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        Decoding result = decode(charset, bytes, length, truncated);
        if (result.malformed()) {
            defects.record(MimeDefect.Type.MALFORMED_TEXT, "text is not valid " + charset.name());
        }
        return new DecodedText(result.text(), charset.name());
    }

    /** Bytes of unknown charset to text: UTF-8 when valid, else windows-1252. */
    static String guess(byte[] bytes) {
        Charset charset = isUtf8(bytes, bytes.length, false) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new String(bytes, charset);
    }

    private static boolean isUtf8(byte[] bytes, int length, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (!truncated) {
            try {
                decoder.decode(ByteBuffer.wrap(bytes, 0, length));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        CharBuffer out = CharBuffer.allocate(Math.min(length, 8192));
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        while (true) {
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            } else if (result.isUnderflow()) {
                return true; // what is left is at most a character cut by the limit
            }
            out.clear();
        }
    }

    private record Decoding(String text, boolean malformed) {
    }

    private static Decoding decode(Charset charset, byte[] bytes, int length, boolean truncated) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8,
                (long) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 16));
        boolean malformed = false;
        while (true) {
            CoderResult result = decoder.decode(in, out, !truncated);
            if (result.isError()) {
                malformed = true;
                in.position(in.position() + result.length());
                out = out.hasRemaining() ? out : grow(out);
                out.put('\uFFFD');
            } else if (result.isOverflow()) {
                out = grow(out);
            } else {
                break;
            }
        }
        if (!truncated && decoder.flush(out).isOverflow()) {
            out = grow(out);
            decoder.flush(out);
        }
        out.flip();
        return new Decoding(out.toString(), malformed);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        return bigger.put(out);
    }
}
