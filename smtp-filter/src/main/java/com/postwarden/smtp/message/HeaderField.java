package com.postwarden.smtp.message;

import java.util.Objects;

/**
 * One header field as received and as read.
 *
 * @param name     the field name as written, e.g. {@code Subject}
 * @param rawValue everything after the colon, folding kept, line end removed; bytes that are not UTF-8 are read
 *                 as ISO-8859-1 (recorded as a {@link MimeDefect.Type#INVALID_HEADER_BYTES} defect)
 * @param value    the value unfolded (RFC 5322 section 2.2.3), RFC 2047 encoded words decoded, trimmed
 */
public record HeaderField(String name, String rawValue, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rawValue, "rawValue");
        Objects.requireNonNull(value, "value");
    }

    /** Whether this field is called {@code other}, compared without regard to case. */
    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }
}
