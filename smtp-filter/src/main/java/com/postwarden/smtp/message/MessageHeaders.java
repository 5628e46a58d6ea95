package com.postwarden.smtp.message;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;

/**
 * The top-level header section of a message, in the order received. Immutable.
 * Header sections of parts and of encapsulated messages are not included.
 *
 * @param fields every field kept, in order; at most {@link MimeLimits#maxHeaderCount()}
 */
public record MessageHeaders(List<HeaderField> fields) {
    private static final MessageHeaders EMPTY = new MessageHeaders(List.of());

    public MessageHeaders {
        fields = List.copyOf(fields);
    }

    public static MessageHeaders empty() {
        return EMPTY;
    }

    /** Every field called {@code name} (case-insensitive), in order. */
    public List<HeaderField> all(String name) {
        return fields.stream().filter(f -> f.hasName(name)).toList();
    }

    /** The first field called {@code name} (case-insensitive). */
    public Optional<HeaderField> first(String name) {
        return fields.stream().filter(f -> f.hasName(name)).findFirst();
    }

    /** The decoded value of the first field called {@code name}. */
    public Optional<String> value(String name) {
        return first(name).map(HeaderField::value);
    }

    public Optional<String> subject() {
        return value("Subject");
    }

    /** The decoded {@code From:} value as written, display name included. */
    public Optional<String> from() {
        return value("From");
    }

    public Optional<String> messageId() {
        return value("Message-ID").filter(v -> !v.isEmpty());
    }

    /** The {@code Date:} field read leniently (RFC 5322 section 3.3 and common variants); empty when unreadable. */
    public Optional<Instant> date() {
        return value("Date").flatMap(MessageHeaders::parseDate);
    }

    private static Optional<Instant> parseDate(String text) {
        try {
            return Optional.of(Instant.from(DateTimeFieldLenientImpl.RFC_5322.parse(text, new ParsePosition(0))));
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
