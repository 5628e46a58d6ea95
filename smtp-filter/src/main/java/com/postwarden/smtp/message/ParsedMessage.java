package com.postwarden.smtp.message;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of parsing one message once: its header, the text a reader sees, what is attached, and what was
 * wrong with it. Immutable and safe to share between threads.
 *
 * @param headers        the top-level header section
 * @param textParts      inline text/plain and text/html parts, in message order
 * @param attachments    every other leaf part, in message order
 * @param defects        problems worked around, in the order found
 * @param limitsExceeded the limits reached; when one of them {@linkplain MimeLimits.Limit#endsParsing() ends
 *                       parsing} the lists above are incomplete
 */
public record ParsedMessage(MessageHeaders headers, List<TextPart> textParts, List<AttachmentInfo> attachments,
                            List<MimeDefect> defects, Set<MimeLimits.Limit> limitsExceeded) {
    public ParsedMessage {
        Objects.requireNonNull(headers, "headers");
        textParts = List.copyOf(textParts);
        attachments = List.copyOf(attachments);
        defects = List.copyOf(defects);
        limitsExceeded = limitsExceeded.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(limitsExceeded));
    }

    /**
     * Whether every part of the message was reached: no structural limit was hit and the MIME library did not
     * give up. When false, a scan of this model is not a scan of the message ("unscannable").
     */
    public boolean isComplete() {
        return limitsExceeded.stream().noneMatch(MimeLimits.Limit::endsParsing)
                && defects.stream().noneMatch(d -> d.type() == MimeDefect.Type.PARSE_ABORTED);
    }

    /** Whether a defect of this type was found anywhere. */
    public boolean hasDefect(MimeDefect.Type type) {
        return defects.stream().anyMatch(d -> d.type() == type);
    }
}
