package com.postwarden.smtp.message;

import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.stream.BodyDescriptor;

/**
 * What a part's header says about its content.
 *
 * @param declaredType     the media type as Mime4J resolved it (defaults applied), lower case
 * @param charset          the declared charset, or null
 * @param transferEncoding the {@code Content-Transfer-Encoding}, lower case
 * @param filename         the decoded file name, if any
 * @param attachment       whether {@code Content-Disposition} says {@code attachment}
 */
record PartHeaders(String declaredType, String charset, String transferEncoding, Optional<String> filename,
                   boolean attachment) {

    /** Headers for text found outside any part, such as a multipart whose boundary never appears. */
    static final PartHeaders UNSTRUCTURED_TEXT = new PartHeaders("text/plain", null, "7bit", Optional.empty(), false);

    static PartHeaders of(EntityFrame frame, BodyDescriptor body, DefectLog defects) {
        HeaderParameters type = frame.contentType().isEmpty() ? HeaderParameters.none()
                : HeaderParameters.parse(frame.contentType(), defects);
        HeaderParameters disposition = frame.contentDisposition().isEmpty() ? HeaderParameters.none()
                : HeaderParameters.parse(frame.contentDisposition(), defects);
        if (type.value().startsWith("multipart/") && !type.parameters().containsKey("boundary")) {
            defects.record(MimeDefect.Type.MISSING_BOUNDARY_PARAMETER, type.value() + " without a boundary");
        }
        Optional<String> filename = disposition.parameter("filename").or(() -> type.parameter("name"));
        return new PartHeaders(body.getMimeType().toLowerCase(Locale.ROOT), body.getCharset(),
                body.getTransferEncoding(), filename, disposition.value().startsWith("attachment"));
    }

    /** Whether the part is text a reader sees in the message body rather than a file. */
    boolean isInlineText() {
        return !attachment && filename.isEmpty() && format().isPresent();
    }

    Optional<TextPart.Format> format() {
        return switch (declaredType) {
            case "text/plain" -> Optional.of(TextPart.Format.PLAIN);
            case "text/html" -> Optional.of(TextPart.Format.HTML);
            default -> Optional.empty();
        };
    }
}
