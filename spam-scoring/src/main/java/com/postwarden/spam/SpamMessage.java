package com.postwarden.spam;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message as spam scoring sees it: every view a rule, the classifier or sender authentication needs, computed
 * once. Immutable.
 *
 * @param headers  the top-level header fields in order
 * @param text     the decoded body text: text/plain parts and HTML parts rendered to text, in order, capped
 * @param html     the decoded HTML parts, concatenated, capped (for checks on markup)
 * @param rawBody  the body as received, transfer encodings not decoded, capped ({@code rawbody} rules)
 * @param uris     every URI found in the text and the HTML (links, images, forms), in order of appearance
 * @param raw      the whole message as received ({@code full} rules, DKIM)
 * @param envelope what the SMTP session said, {@link Envelope#NONE} for a file
 */
public record SpamMessage(List<HeaderField> headers, String text, String html, String rawBody, List<String> uris,
                          byte[] raw, Envelope envelope) {
    public SpamMessage {
        headers = List.copyOf(headers);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(rawBody, "rawBody");
        uris = List.copyOf(uris);
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(envelope, "envelope");
    }

    /** The decoded values of every field named {@code name} (any case), in order. */
    public List<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(wanted))
                .map(HeaderField::value).toList();
    }
}
