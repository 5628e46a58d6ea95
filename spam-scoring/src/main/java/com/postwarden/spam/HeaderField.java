package com.postwarden.spam;

import java.util.Objects;

/**
 * One header field of a message as rules see it.
 *
 * @param name     the field name as written (rules compare it case-insensitively)
 * @param value    the value unfolded, with RFC 2047 encoded words decoded (SpamAssassin's default for
 *                 {@code header} rules)
 * @param rawValue the value as received, unfolded but not decoded ({@code header NAME:raw})
 */
public record HeaderField(String name, String value, String rawValue) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rawValue, "rawValue");
    }
}
