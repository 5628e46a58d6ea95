package com.postwarden.spam.bayes;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.HeaderField;
import com.postwarden.spam.SpamMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.MimeUtil;

/**
 * Builds a {@link SpamMessage} from raw bytes for the tests: top-level header fields decoded, text/plain parts
 * decoded, HTML parts kept and crudely stripped of tags for the text, URIs found by pattern. The gateway's own
 * MIME reader is richer; this is only what the classifier's tests need.
 */
final class RawMessages {
    private static final Pattern TAGS = Pattern.compile("(?s)<(script|style)\\b.*?</\\1\\s*>|<[^>]*>");
    private static final Pattern URI = Pattern.compile(
            "(?i)\\b(?:https?://|ftp://|mailto:|www\\.)[^\\s\"'<>()\\[\\]]+");

    private RawMessages() {
    }

    static SpamMessage read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpamMessage parse(String message) {
        return parse(message.getBytes(StandardCharsets.UTF_8));
    }

    static SpamMessage parse(byte[] raw) {
        List<HeaderField> headers = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        MimeStreamParser parser = new MimeStreamParser(MimeConfig.PERMISSIVE);
        parser.setContentDecoding(true);
        parser.setContentHandler(new AbstractContentHandler() {
            private boolean topHeaderDone;

            @Override
            public void field(Field field) {
                if (!topHeaderDone) {
                    String rawValue = MimeUtil.unfold(field.getBody());
                    headers.add(new HeaderField(field.getName(),
                            DecoderUtil.decodeEncodedWords(rawValue, DecodeMonitor.SILENT), rawValue));
                }
            }

            @Override
            public void endHeader() {
                topHeaderDone = true;
            }

            @Override
            public void body(BodyDescriptor bd, InputStream is) throws IOException {
                String body = new String(is.readAllBytes(), charset(bd.getCharset()));
                if (bd.getMimeType().equalsIgnoreCase("text/html")) {
                    html.append(body).append('\n');
                    text.append(TAGS.matcher(body).replaceAll(" ").replace("&nbsp;", " ")).append('\n');
                } else if (bd.getMimeType().toLowerCase().startsWith("text/")) {
                    text.append(body).append('\n');
                }
            }
        });
        try {
            parser.parse(new ByteArrayInputStream(raw));
        } catch (MimeException | IOException | RuntimeException e) {
            // what was read so far stands, as in the gateway's reader
        }
        List<String> uris = new ArrayList<>();
        Matcher m = URI.matcher(text + "\n" + html);
        while (m.find()) {
            uris.add(m.group());
        }
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int split = all.indexOf("\n\n");
        int splitCr = all.indexOf("\r\n\r\n");
        int bodyStart = split < 0 && splitCr < 0 ? all.length()
                : split < 0 ? splitCr + 4 : splitCr < 0 ? split + 2 : Math.min(split + 2, splitCr + 4);
        return new SpamMessage(headers, text.toString(), html.toString(), all.substring(bodyStart), uris, raw,
                Envelope.NONE);
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
