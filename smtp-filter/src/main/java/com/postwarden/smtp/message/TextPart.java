package com.postwarden.smtp.message;

import java.util.Objects;

/**
 * The decoded text of one text/plain or text/html part shown inline (no file name, not a declared attachment).
 *
 * @param path      where the part sits, as in {@link AttachmentInfo#path()}
 * @param format    plain text or HTML; HTML is kept as markup
 * @param charset   the charset the text was decoded with; differs from the declared one when that was unknown
 * @param text      the decoded text, at most {@link MimeLimits#maxTextPerPart()} bytes' worth
 * @param truncated whether {@code text} stops before the end of the part because of a text limit
 * @param size      decoded size of the whole part in bytes
 * @param sha256    SHA-256 of the whole decoded part, lower-case hex
 */
public record TextPart(String path, Format format, String charset, String text, boolean truncated, long size,
                       String sha256) {
    public TextPart {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
    }

    public enum Format { PLAIN, HTML }
}
