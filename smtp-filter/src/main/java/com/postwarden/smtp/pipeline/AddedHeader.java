package com.postwarden.smtp.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * A header field the gateway adds. The value must already be folded to lines under 998 octets and contain
 * only CRLF followed by white space as line breaks (RFC 5322 section 2.2.3), so that it cannot end the header
 * section or start a field of its own.
 */
public record AddedHeader(String name, String value) {
    public AddedHeader {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ':')) {
            throw new IllegalArgumentException("not a header field name: " + name);
        }
        if (!isFolded(value)) {
            throw new IllegalArgumentException("header value has a bare line break: " + name);
        }
    }

    private static boolean isFolded(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                return false; // only reached for an LF not preceded by CR
            }
            if (c == '\r') {
                boolean folded = i + 2 < value.length() && value.charAt(i + 1) == '\n'
                        && (value.charAt(i + 2) == ' ' || value.charAt(i + 2) == '\t');
                if (!folded) {
                    return false;
                }
                i++; // skip the LF of this CRLF
            }
        }
        return true;
    }

    /** The field as written into the message, CRLF-terminated. */
    public byte[] toBytes() {
        return (name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
