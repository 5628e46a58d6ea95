package com.postwarden.smtp.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers the findings of one parse and turns leaf parts into {@link TextPart}s and {@link AttachmentInfo}s.
 * Declared text stays text only when its content does not turn out to be something else (an executable sent as
 * text/plain is an attachment). Not thread-safe; one per parse.
 */
final class ModelBuilder {
    private final MimeLimits limits;
    private final ContentSniffer sniffer;
    private final DefectLog defects = new DefectLog();
    private final TextBudget textBudget;
    private final List<HeaderField> headers = new ArrayList<>();
    private final List<TextPart> textParts = new ArrayList<>();
    private final List<AttachmentInfo> attachments = new ArrayList<>();
    private final Set<MimeLimits.Limit> limitsExceeded = EnumSet.noneOf(MimeLimits.Limit.class);

    ModelBuilder(MimeLimits limits, ContentSniffer sniffer) {
        this.limits = limits;
        this.sniffer = sniffer;
        this.textBudget = new TextBudget(limits);
    }

    DefectLog defects() {
        return defects;
    }

    MimeLimits limits() {
        return limits;
    }

    void header(HeaderField field) {
        headers.add(field);
    }

    /** Reads a leaf's decoded content once, keeping text only if the part may be inline text. */
    PartReading read(PartHeaders partHeaders, InputStream decoded) throws IOException {
        int granted = partHeaders.isInlineText() ? textBudget.grant() : 0;
        return new PartReading(partHeaders, PartDigest.read(decoded, granted), granted);
    }

    /** Adds a leaf at {@code path} as text or as attachment. */
    void add(String path, PartReading reading) {
        PartDigest digest = reading.digest();
        PartHeaders partHeaders = reading.headers();
        boolean text = partHeaders.isInlineText();
        String detected = text && sniffer.looksLikeText(digest.head()) ? null
                : sniffer.detect(digest.head(), digest.head().length);
        if (text && (detected == null || sniffer.isPlausibleText(detected))) {
            addText(path, reading);
        } else {
            attachments.add(new AttachmentInfo(path, partHeaders.filename(), partHeaders.declaredType(), detected,
                    digest.size(), digest.sha256()));
        }
    }

    private void addText(String path, PartReading reading) {
        PartDigest digest = reading.digest();
        byte[] text = digest.text();
        textBudget.exceeded(reading.textGranted(), text.length, digest.textTruncated()).ifPresent(limit ->
                limitReached(path, limit, "text limit reached after " + text.length + " bytes"));
        TextDecoder.DecodedText decoded = TextDecoder.decode(text, text.length, reading.headers().charset(),
                digest.textTruncated(), defects);
        textParts.add(new TextPart(path, reading.headers().format().orElseThrow(), decoded.charset(),
                decoded.text(), digest.textTruncated(), digest.size(), digest.sha256()));
    }

    /** Records that {@code limit} was reached at {@code path}. */
    void limitReached(String path, MimeLimits.Limit limit, String detail) {
        limitsExceeded.add(limit);
        defects.recordAt(path, MimeDefect.Type.LIMIT_REACHED, detail);
    }

    ParsedMessage build() {
        return new ParsedMessage(new MessageHeaders(headers), textParts, attachments, defects.defects(),
                limitsExceeded);
    }
}
