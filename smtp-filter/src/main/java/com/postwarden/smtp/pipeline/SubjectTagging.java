package com.postwarden.smtp.pipeline;

import com.postwarden.smtp.spool.MessageContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Puts a tag in front of a message's subject (e.g. {@code [SPAM] }) and leaves every other byte as received: only
 * the {@code Subject:} field is rewritten, its original value kept byte for byte after the tag. A message without
 * a subject gets one holding the tag. A tag that is not ASCII is written as an RFC 2047 encoded word.
 */
final class SubjectTagging {
    /** The header section is looked for in this many leading bytes; the listener bounds it far below. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    private static final byte[] FIELD_NAME = "subject:".getBytes(StandardCharsets.US_ASCII);

    private SubjectTagging() {
    }

    static MessageContent tag(MessageContent content, String tag) throws IOException {
        byte[] head;
        try (InputStream in = content.openStream()) {
            head = in.readNBytes((int) Math.min(MAX_HEADER_BYTES, content.size()));
        }
        String eol = lineEnding(head);
        byte[] tagBytes = encoded(tag).getBytes(StandardCharsets.US_ASCII);
        int lineStart = 0;
        while (lineStart < head.length) {
            int lineEnd = endOfLine(head, lineStart);
            if (lineEnd == lineStart || isBlank(head, lineStart, lineEnd)) {
                break; // the empty line: end of the header section
            }
            if (startsWithIgnoreCase(head, lineStart, FIELD_NAME)) {
                int valueStart = lineStart + FIELD_NAME.length;
                if (valueStart < head.length && (head[valueStart] == ' ' || head[valueStart] == '\t')) {
                    valueStart++;
                }
                byte[] replacement = concat(bytes("Subject: "), tagBytes);
                return MessageContent.splice(content, lineStart, valueStart, replacement);
            }
            lineStart = next(head, lineEnd);
        }
        if (lineStart >= head.length && head.length == MAX_HEADER_BYTES) {
            return content; // no end of header in sight: leave the message alone
        }
        String trimmed = new String(tagBytes, StandardCharsets.US_ASCII).strip();
        return MessageContent.splice(content, lineStart, lineStart, bytes("Subject: " + trimmed + eol));
    }

    private static String encoded(String tag) {
        if (tag.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return tag;
        }
        String text = tag.stripTrailing();
        String word = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
        // the space after the tag stays outside the word: a reader shows the word, then the space, then the subject
        return text.length() < tag.length() ? word + " " : word;
    }

    /** CRLF unless the first line ends with a bare LF. */
    private static String lineEnding(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                return i > 0 && head[i - 1] == '\r' ? "\r\n" : "\n";
            }
        }
        return "\r\n";
    }

    /** The index of the line's LF, or the end of the bytes. */
    private static int endOfLine(byte[] head, int from) {
        for (int i = from; i < head.length; i++) {
            if (head[i] == '\n') {
                return i;
            }
        }
        return head.length;
    }

    private static int next(byte[] head, int lineEnd) {
        return Math.min(head.length, lineEnd + 1);
    }

    private static boolean isBlank(byte[] head, int from, int lineEnd) {
        return lineEnd - from == 1 && head[from] == '\r';
    }

    private static boolean startsWithIgnoreCase(byte[] head, int from, byte[] prefix) {
        if (head.length - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            int b = head[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
