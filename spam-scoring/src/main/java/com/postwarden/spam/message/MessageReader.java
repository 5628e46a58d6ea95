package com.postwarden.spam.message;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.HeaderField;
import com.postwarden.spam.SpamMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Builds the {@link SpamMessage} that rules, the classifier and sender authentication read, from a message's
 * bytes (RFC 5322, MIME RFC 2045-2049) in one streaming pass of Mime4J's token stream:
 * <ul>
 *   <li>headers: the top-level fields, unfolded, with RFC 2047 encoded words decoded and as received;</li>
 *   <li>text: text/plain parts decoded to Unicode (see {@link TextDecoder}) and HTML parts rendered to text
 *       (see {@link HtmlRenderer}), in order, paragraphs separated by a blank line; encapsulated messages
 *       ({@code message/rfc822}) are read too; attachments that are not text are skipped;</li>
 *   <li>html: the decoded HTML parts; rawBody: the body after the header as received;</li>
 *   <li>uris: links of the HTML and bare URLs of the text (plain and rendered), distinct, in order.</li>
 * </ul>
 * Every view is capped by {@link MessageLimits}; malformed MIME never throws: what was read before the damage is
 * kept. Thread-safe and reusable: it holds only immutable configuration.
 */
public final class MessageReader {
    private final MessageLimits limits;
    private final MimeConfig config;
    private final TextDecoder decoder = new TextDecoder();
    private final HtmlRenderer renderer = new HtmlRenderer();

    public MessageReader() {
        this(MessageLimits.DEFAULTS);
    }

    public MessageReader(MessageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.config = MimeConfig.custom().setStrictParsing(false).setMalformedHeaderStartsBody(true)
                .setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).setMaxContentLen(-1).build();
    }

    /** Reads {@code raw}; never throws on malformed content. */
    public SpamMessage read(byte[] raw, Envelope envelope) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(envelope, "envelope");
        Reading reading = new Reading();
        MimeTokenStream stream = new MimeTokenStream(config);
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(new ByteArrayInputStream(raw));
        try {
            walk(stream, reading);
        } catch (MimeException | IOException | RuntimeException damaged) {
            // malformed MIME: keep what was read before the damage
        }
        return new SpamMessage(reading.headers, reading.text.toString(), reading.html.toString(), rawBody(raw),
                reading.uris.uris(), raw, envelope);
    }

    private void walk(MimeTokenStream stream, Reading reading) throws MimeException, IOException {
        boolean topHeader = true;
        for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
            if (state == EntityState.T_FIELD && topHeader && reading.headers.size() < limits.maxHeaderFields()) {
                reading.headers.add(headerField(stream.getField()));
            } else if (state == EntityState.T_END_HEADER) {
                topHeader = false;
            } else if (state == EntityState.T_BODY && ++reading.parts <= limits.maxParts()) {
                readPart(stream, reading);
            }
        }
    }

    private void readPart(MimeTokenStream stream, Reading reading) throws IOException {
        BodyDescriptor body = stream.getBodyDescriptor();
        String type = body.getMimeType() == null ? "text/plain" : body.getMimeType().toLowerCase(Locale.ROOT);
        boolean html = type.equals("text/html");
        if (!html && !type.equals("text/plain") || reading.text.full()) {
            return;
        }
        byte[] bytes = stream.getDecodedInputStream().readNBytes(limits.maxPartBytes());
        String decoded = decoder.decode(bytes, bytes.length, body.getCharset());
        reading.text.paragraph();
        if (html) {
            String capped = decoded.length() > limits.maxHtmlChars() ? decoded.substring(0, limits.maxHtmlChars())
                    : decoded;
            reading.html.append(capped);
            int renderedFrom = reading.text.length();
            renderer.render(capped, reading.text, reading.uris);
            reading.uris.scan(reading.text.from(renderedFrom));
        } else {
            reading.text.append(decoded);
            reading.uris.scan(decoded.length() > limits.maxTextChars()
                    ? decoded.substring(0, limits.maxTextChars()) : decoded);
        }
    }

    private HeaderField headerField(Field field) {
        String name = field.getName();
        String rawValue = unfold(field.getBody());
        String value;
        try {
            value = DecoderUtil.decodeEncodedWords(rawValue, DecodeMonitor.SILENT);
        } catch (RuntimeException badEncoding) {
            value = rawValue;
        }
        return new HeaderField(name, cap(value.strip()), cap(rawValue.strip()));
    }

    private String cap(String value) {
        return value.length() > limits.maxHeaderChars() ? value.substring(0, limits.maxHeaderChars()) : value;
    }

    /** RFC 5322 section 2.2.3: unfolding removes the CRLF before each folding whitespace. */
    private static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder unfolded = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                unfolded.append(c);
            }
        }
        return unfolded.toString();
    }

    private String rawBody(byte[] raw) {
        int start = bodyStart(raw);
        int length = Math.min(raw.length - start, limits.maxRawBodyChars());
        return new String(raw, start, length, StandardCharsets.ISO_8859_1);
    }

    /** The offset after the first empty line, or the end when the message has no body. */
    private static int bodyStart(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return raw.length;
    }

    /** The views being built for one message. */
    private final class Reading {
        final List<HeaderField> headers = new ArrayList<>();
        final CappedText text = new CappedText(limits.maxTextChars());
        final CappedText html = new CappedText(limits.maxHtmlChars());
        final UriCollector uris = new UriCollector(limits.maxUris(), limits.maxUriChars());
        int parts;
    }
}
