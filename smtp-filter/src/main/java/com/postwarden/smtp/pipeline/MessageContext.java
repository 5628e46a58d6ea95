package com.postwarden.smtp.pipeline;

import com.postwarden.smtp.message.ParsedMessage;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one message as it goes through the pipeline: what was received, its parsed form, the
 * header fields stages want added and what they found. Immutable; stages return a changed copy.
 *
 * @param message      the envelope, client and raw content
 * @param parsed       the message parsed once
 * @param addedHeaders header fields to prepend on delivery, in order, e.g. {@code X-Spam-Score: 1.2}
 * @param findings     short notes for the message log, e.g. {@code scan=clean}
 * @param subjectTag   text to put in front of the message's subject on delivery (e.g. {@code [SPAM] }); empty
 *                     leaves the subject alone
 */
public record MessageContext(ReceivedMessage message, ParsedMessage parsed, List<AddedHeader> addedHeaders,
                             List<String> findings, String subjectTag) {

    public MessageContext {
        addedHeaders = List.copyOf(addedHeaders);
        findings = List.copyOf(findings);
        Objects.requireNonNull(subjectTag, "subjectTag");
    }

    public static MessageContext of(ReceivedMessage message, ParsedMessage parsed) {
        return new MessageContext(message, parsed, List.of(), List.of(), "");
    }

    public MessageContext withHeader(AddedHeader header) {
        List<AddedHeader> headers = new ArrayList<>(addedHeaders);
        headers.add(header);
        return new MessageContext(message, parsed, headers, findings, subjectTag);
    }

    public MessageContext withFinding(String finding) {
        List<String> all = new ArrayList<>(findings);
        all.add(finding);
        return new MessageContext(message, parsed, addedHeaders, all, subjectTag);
    }

    /** Tags the subject on delivery; the text must be printable (no line breaks). */
    public MessageContext withSubjectTag(String tag) {
        return new MessageContext(message, parsed, addedHeaders, findings, tag);
    }
}
