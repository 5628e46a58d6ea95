package com.postwarden.scan.internal.container.text;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an mbox file into its messages: a message starts at a {@code From } line (the envelope line, RFC 4155)
 * at the start of the file or after an empty line, and followed by a header line. {@code From } at the start of
 * a body line is escaped ({@code >From }) by mbox writers, and the header-line check keeps an unescaped one in
 * running text from splitting a message.
 */
final class MboxMessages {
    private MboxMessages() {
    }

    /** Where each message's {@code From } line starts; empty when the text does not start with one. */
    static List<Integer> starts(ByteBuffer bytes) {
        List<Integer> starts = new ArrayList<>();
        if (!Lines.startsWith(bytes, 0, "From ", false)) {
            return starts;
        }
        starts.add(0);
        boolean previousBlank = false;
        for (int at = Lines.next(bytes, Lines.end(bytes, 0)); at < bytes.limit(); ) {
            int end = Lines.end(bytes, at);
            if (previousBlank && Lines.startsWith(bytes, at, "From ", false)
                    && isHeaderLine(bytes, Lines.next(bytes, end))) {
                starts.add(at);
            }
            previousBlank = end == at;
            at = Lines.next(bytes, end);
        }
        return starts;
    }

    /** {@code Name: value} with a field name of printable characters (RFC 5322 3.6.8). */
    private static boolean isHeaderLine(ByteBuffer bytes, int at) {
        for (int i = at; i < bytes.limit() && i - at < 80; i++) {
            int c = bytes.get(i) & 0xff;
            if (c == ':') {
                return i > at;
            }
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return false;
    }

    /** The content after the envelope line of a message starting at {@code start}. */
    static int afterEnvelope(ByteBuffer bytes, int start) {
        return Lines.startsWith(bytes, start, "From ", false) ? Lines.next(bytes, Lines.end(bytes, start)) : start;
    }
}
