package com.postwarden.smtp.message;

import java.util.Objects;

/**
 * Something wrong with the message that the parser worked around. Defects never stop a parse, except
 * {@link Type#PARSE_ABORTED}; each type is reported once per part.
 *
 * @param type   what is wrong
 * @param path   the part concerned, as in {@link AttachmentInfo#path()}; empty for the message's own header
 * @param detail a short human-readable description for logs
 */
public record MimeDefect(Type type, String path, String detail) {
    public MimeDefect {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Type {
        /** A multipart ended (end of data) without its closing boundary line. */
        MISSING_CLOSING_BOUNDARY,
        /** A multipart's boundary never appears; its content is reported as one text part. */
        BOUNDARY_NOT_FOUND,
        /** A multipart declared without a {@code boundary} parameter; its body is read as text. */
        MISSING_BOUNDARY_PARAMETER,
        /** A header section ended at the end of data, without the empty line. */
        UNTERMINATED_HEADER,
        /** A multipart with a transfer encoding other than 7bit, 8bit or binary (RFC 2045 section 6.4). */
        ENCODED_MULTIPART,
        /**
         * {@code Content-Type}, {@code Content-Disposition} or {@code Content-Transfer-Encoding} twice in one
         * header; the first is used, but mail clients disagree, which can hide content from a scanner.
         */
        DUPLICATE_CONTENT_FIELD,
        /** A header line that is not a field (no colon, bad name); it was skipped. */
        MALFORMED_HEADER,
        /** Obsolete syntax such as white space before the colon (RFC 5322 section 4.5). */
        OBSOLETE_HEADER_SYNTAX,
        /** Header bytes that are not UTF-8 (read as ISO-8859-1), or NUL bytes. */
        INVALID_HEADER_BYTES,
        /** An RFC 2047 encoded word that could not be decoded; it was left as written. */
        INVALID_ENCODED_WORD,
        /** Base64 content with characters outside the alphabet, bad padding or data after the padding. */
        INVALID_BASE64,
        /** Quoted-printable content with malformed escapes. */
        INVALID_QUOTED_PRINTABLE,
        /** A {@code Content-Transfer-Encoding} the parser does not know; the content was taken as is. */
        UNKNOWN_TRANSFER_ENCODING,
        /** A charset Java does not know; the text was decoded with a fallback. */
        UNKNOWN_CHARSET,
        /** Text bytes that are not valid in the declared charset; they were replaced. */
        MALFORMED_TEXT,
        /** A limit from {@link MimeLimits} was reached (see {@link ParsedMessage#limitsExceeded()}). */
        LIMIT_REACHED,
        /** The MIME library failed on this input; parts after this point are unseen. */
        PARSE_ABORTED,
        /** Another problem reported by the MIME library. */
        OTHER
    }
}
