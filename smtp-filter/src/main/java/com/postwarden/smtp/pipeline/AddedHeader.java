package com.postwarden.smtp.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * A header field the gateway adds. The value must already be folded to lines under 998 octets and contain
 * only CRLF followed by white space as line breaks (RFC 5322 section 2.2.3).
 */
public record AddedHeader(String name, String value) {
    public AddedHeader {
        if (!name.matches("[\\x21-\\x39\\x3B-\\x7E]+")) {
            throw new IllegalArgumentException("not a header field name: " + name);
        }
        if (value.matches("(?s).*(\r(?!\n)|(?<!\r)\n|\r\n(?![ \t])).*")) {
            throw new IllegalArgumentException("header value has a bare line break: " + name);
        }
    }

    /** The field as written into the message, CRLF-terminated. */
    public byte[] toBytes() {
        return (name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
