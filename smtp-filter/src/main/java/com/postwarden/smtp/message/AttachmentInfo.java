package com.postwarden.smtp.message;

import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one leaf part that is not inline text: every non-text leaf, every part with a file name
 * or {@code Content-Disposition: attachment}, and text parts whose content is really something else.
 * The content itself is not kept.
 *
 * @param path         where the part sits, numbered like IMAP sections (RFC 3501 section 6.4.5): {@code "1"} for
 *                     the body of a single-part message, {@code "2.1"} for the first part inside the second one;
 *                     the parts of an encapsulated message at {@code "3"} are {@code "3.1"}, {@code "3.2"}, ...
 * @param filename     from {@code Content-Disposition} {@code filename}, else {@code Content-Type} {@code name};
 *                     RFC 2231 and RFC 2047 encodings decoded
 * @param declaredType the media type the sender declared, lower case without parameters
 *                     ({@code text/plain} when none was declared)
 * @param detectedType the media type found from the first bytes of the decoded content
 *                     ({@code application/octet-stream} when nothing is recognised)
 * @param size         decoded size in bytes
 * @param sha256       SHA-256 of the decoded content, lower-case hex
 */
public record AttachmentInfo(String path, Optional<String> filename, String declaredType, String detectedType,
                             long size, String sha256) {
    public AttachmentInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(declaredType, "declaredType");
        Objects.requireNonNull(detectedType, "detectedType");
        Objects.requireNonNull(sha256, "sha256");
    }
}
