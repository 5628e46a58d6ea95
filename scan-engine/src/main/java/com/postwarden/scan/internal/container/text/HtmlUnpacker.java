package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Extracts what HTML smuggles inline: {@code data:} URIs (RFC 2397) in attributes, CSS and scripts, base64 or
 * percent-encoded, handed over decoded as {@code data-uri-N}; and long base64 runs in JavaScript string literals
 * (at least {@link #MIN_BASE64} characters between matching quotes, the way HTML smuggling carries its payload to
 * {@code atob}), handed over decoded as {@code base64-string-N}. The scan is one pass over the bytes, no DOM:
 * what matters is the encoded data, wherever the markup puts it.
 *
 * <p>Hand-written: an HTML parser (jsoup) would build the document in memory and still not look inside scripts
 * and style sheets; the finder is a few character rules.
 */
public final class HtmlUnpacker implements Unpacker {
    /** Shorter base64 strings are too small to carry an executable worth finding, and common in ordinary pages. */
    static final int MIN_BASE64 = 256;
    private static final int MAX_MEDIA_TYPE = 256;

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        int size = bytes.limit();
        int dataUris = 0;
        int strings = 0;
        for (int i = 0; i < size; i++) {
            int c = bytes.get(i) & 0xff;
            if ((c == 'd' || c == 'D') && Lines.startsWith(bytes, i, "data:", true)
                    && (i == 0 || !isNameChar(bytes.get(i - 1) & 0xff))) {
                int end = dataUri(bytes, i, ++dataUris, entries);
                if (end < 0) {
                    return;
                }
                i = Math.max(i, end - 1);
            } else if (c == '"' || c == '\'' || c == '`') {
                int end = base64Run(bytes, i + 1);
                if (end - (i + 1) >= MIN_BASE64 && end < size && (bytes.get(end) & 0xff) == c) {
                    strings++;
                    if (!entries.add("base64-string-" + strings, decode(bytes, i + 1, end))) {
                        return;
                    }
                    i = end;
                }
            }
        }
    }

    /**
     * Hands over the data URI at {@code at}; returns where it ends, or -1 when entries said stop. A {@code data:}
     * without a comma after a plausible media type is not a URI and is skipped.
     */
    private static int dataUri(ByteBuffer bytes, int at, int number, Entries entries) throws IOException {
        int quote = at > 0 ? bytes.get(at - 1) & 0xff : 0;
        boolean quoted = quote == '"' || quote == '\'' || quote == '`';
        int i = at + 5;
        int size = bytes.limit();
        int comma = -1;
        while (i < size && i - at < MAX_MEDIA_TYPE) {
            int c = bytes.get(i) & 0xff;
            if (c == ',') {
                comma = i;
                break;
            }
            if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')') {
                break;
            }
            i++;
        }
        if (comma < 0) {
            return at + 5;
        }
        boolean base64 = Lines.text(bytes, at + 5, comma, MAX_MEDIA_TYPE).toLowerCase(java.util.Locale.ROOT).endsWith(";base64");
        int end = comma + 1;
        while (end < size) {
            int c = bytes.get(end) & 0xff;
            if (quoted ? c == quote : c <= ' ' || c == '"' || c == '\'' || c == ')' || c == '<' || c == '>') {
                break;
            }
            end++;
        }
        InputStream data = base64 ? decode(bytes, comma + 1, end)
                : new PercentDecodingStream(new Slice(bytes, comma + 1, end));
        return entries.add("data-uri-" + number, data) ? end : -1;
    }

    private static InputStream decode(ByteBuffer bytes, int start, int end) {
        // the MIME decoder skips what is not base64 (line breaks, blanks) instead of failing
        return Base64.getMimeDecoder().wrap(new Slice(bytes, start, end));
    }

    /** Where a run of base64 characters starting at {@code start} ends. */
    private static int base64Run(ByteBuffer bytes, int start) {
        int i = start;
        int size = bytes.limit();
        while (i < size) {
            int c = bytes.get(i) & 0xff;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=')) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isNameChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
