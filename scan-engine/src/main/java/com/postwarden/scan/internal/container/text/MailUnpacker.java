package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Extracts the parts of a mail message (RFC 5322, MIME RFC 2045-2049) with Mime4J's pull parser, or the messages
 * of an mbox file. Every leaf part is handed over transfer-decoded (base64, quoted-printable) byte for byte, named
 * by its {@code filename}/{@code name} parameter ({@link PartNames}) or {@code part-N}, with its declared
 * {@code Content-Type} (lower case, without parameters); quoted-printable decoding
 * adds nothing (no trailing line break), so hash signatures of decoded attachments match. A
 * {@code message/rfc822} part is handed over undecoded as a message of its own, for the engine to open in turn.
 * A text part whose uuencoded, BinHex or yEnc block starts after the first {@link #SNIFF} bytes (where type
 * detection looks) is handed over a second time from the block's first line, {@code <name>.uu} and so on.
 * An mbox file with several messages hands over each message as {@code message-N}.
 *
 * <p>Parsing is relaxed: no limit on header count, header fields capped rather than refused
 * ({@link CappedFieldBuilder}); a header line longer than {@link #MAX_HEADER_LINE} bytes is the one thing that
 * ends parsing (Mime4J buffers a header line whole) with {@link IOException}, after the parts before it.
 */
public final class MailUnpacker implements Unpacker {
    static final int MAX_HEADER_LINE = 1024 * 1024;
    /** Text parts up to this size are searched for encoded blocks; larger ones are only handed over. */
    static final int MAX_TEXT_SEARCH = 1024 * 1024;
    static final int SNIFF = 4096;

    private static final MimeConfig CONFIG = MimeConfig.custom()
            .setStrictParsing(false)
            .setMalformedHeaderStartsBody(false)
            .setMaxLineLen(MAX_HEADER_LINE)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            .build();

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        List<Integer> starts = MboxMessages.starts(bytes);
        if (starts.size() > 1) {
            for (int i = 0; i < starts.size(); i++) {
                int end = i + 1 < starts.size() ? starts.get(i + 1) : bytes.limit();
                if (!entries.add("message-" + (i + 1), new Slice(bytes, starts.get(i), end))) {
                    return;
                }
            }
            return;
        }
        int start = MboxMessages.afterEnvelope(bytes, 0);
        parse(new Slice(bytes, start, bytes.limit()), entries);
    }

    private static void parse(InputStream message, Entries entries) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(CONFIG, null, new CappedFieldBuilder(), null);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(message);
        String fileName = null;
        String contentType = "";
        int leaves = 0;
        try {
            for (EntityState state = stream.next(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (state == EntityState.T_START_HEADER) {
                    fileName = null;
                    contentType = "";
                } else if (state == EntityState.T_FIELD) {
                    Field field = stream.getField();
                    String name = field.getName().toLowerCase(Locale.ROOT);
                    if (name.equals("content-disposition") || name.equals("content-type")) {
                        RawBody body = RawFieldParser.DEFAULT.parseRawBody(raw(field));
                        String value = PartNames.parameter(body.getParams(), name.equals("content-type") ? "name"
                                : "filename");
                        if (value != null && !value.isBlank() && (fileName == null || name.startsWith("content-d"))) {
                            fileName = PartNames.baseName(value);
                        }
                        if (name.equals("content-type") && body.getValue() != null) {
                            contentType = body.getValue().toLowerCase(Locale.ROOT);
                        }
                    }
                } else if (state == EntityState.T_BODY) {
                    leaves++;
                    String name = fileName == null || fileName.isEmpty() ? "part-" + leaves : fileName;
                    if (!leaf(stream, name, contentType, entries)) {
                        return;
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException("mail cannot be parsed further: " + e.getMessage(), e);
        }
    }

    private static RawField raw(Field field) {
        if (field instanceof RawField) {
            return (RawField) field;
        }
        return new RawField(field.getName(), field.getBody());
    }

    private static boolean leaf(MimeTokenStream stream, String name, String contentType, Entries entries)
            throws IOException {
        if (contentType.equals("message/rfc822")) {
            try (InputStream raw = stream.getInputStream()) {
                return entries.add(name, raw, contentType);
            }
        }
        try (InputStream decoded = stream.getDecodedInputStream()) {
            if (!contentType.startsWith("text/") && !contentType.isEmpty()) {
                return entries.add(name, decoded, contentType);
            }
            byte[] head = decoded.readNBytes(MAX_TEXT_SEARCH + 1);
            if (head.length > MAX_TEXT_SEARCH) {
                return entries.add(name, new SequenceInputStream(new ByteArrayInputStream(head), decoded), contentType);
            }
            if (!entries.add(name, new ByteArrayInputStream(head), contentType)) {
                return false;
            }
            return TextBlocks.handOverLateBlocks(head, SNIFF, name, entries);
        }
    }
}
