package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.LimitedInputStream;
import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extracts the streams of a PDF with a tolerant object scanner: every {@code stream ... endstream} body is found
 * by its keywords, its dictionary read from the object header before it, its {@code /Filter} chain applied
 * ({@link PdfStreamDecoder}) and the result handed over as {@code obj-N}; embedded files ({@code /EmbeddedFile}
 * streams) are named by the {@code /UF} or {@code /F} name of the file specification that points at them.
 * Streams of an encrypted PDF are decrypted when the empty user password opens them ({@link PdfDecryption}),
 * otherwise each is reported with {@link Entries#encrypted} as {@code "PDF"}.
 *
 * <p>Hand-written rather than built on PDFBox: malicious PDFs are malformed on purpose (broken cross-reference
 * tables, wrong lengths, truncation, obfuscated names), and a document parser either refuses them, repairs them
 * with a full reparse, or builds the whole object graph in memory; a scanner only needs the stream bodies, read in
 * one pass over the content with memory independent of its size, much like ClamAV's own PDF scanner.
 *
 * <p>A stream that runs to the end of the file (no {@code endstream}) is handed over as far as it goes; then
 * {@link IOException} says the PDF is truncated.
 */
public final class PdfUnpacker implements Unpacker {
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        int size = bytes.limit();
        PdfObjectIndex index = PdfObjectIndex.scan(bytes);
        PdfTrailer trailer = PdfTrailer.find(bytes, index);
        Map<Long, String> fileNames = trailer.encrypted() ? Map.of() : PdfFileSpecs.embeddedFileNames(bytes, index);
        int from = 0;
        while (true) {
            int keyword = Bytes.indexOf(bytes, STREAM, from, size);
            if (keyword < 0) {
                return;
            }
            from = keyword + STREAM.length;
            if (keyword > 0 && PdfSyntax.isRegular(bytes.get(keyword - 1) & 0xff)) {
                continue; // endstream, or the word inside other text
            }
            int dataStart = dataStart(bytes, from);
            if (dataStart < 0) {
                continue;
            }
            PdfObjectIndex.Header header = index.before(keyword);
            Map<String, Object> dictionary = dictionary(bytes, header, keyword);
            int dataEnd = dataEnd(bytes, dataStart, dictionary, index);
            boolean truncated = dataEnd < 0;
            if (truncated) {
                dataEnd = size;
            }
            String name = header == null ? "stream-at-" + keyword : fileNames.getOrDefault(header.number(),
                    "obj-" + header.number());
            if (!handOver(container, dataStart, dataEnd, dictionary, header, trailer, name, entries)) {
                return;
            }
            if (truncated) {
                throw new IOException("PDF ends inside " + name + " (no endstream)");
            }
            from = dataEnd;
        }
    }

    private static boolean handOver(Content container, int start, int end, Map<String, Object> dictionary,
                                    PdfObjectIndex.Header header, PdfTrailer trailer, String name, Entries entries)
            throws IOException {
        InputStream raw = new LimitedInputStream(skipTo(container.newStream(), start), end - (long) start);
        boolean encrypted = trailer.encrypted() && header != null
                && !new PdfSyntax.Name("XRef").equals(dictionary.get("Type"));
        if (encrypted) {
            Optional<PdfDecryption> decryption = trailer.decryption();
            if (decryption.isEmpty()) {
                return entries.encrypted(name, "PDF");
            }
            raw = decryption.get().decrypt(raw, header.number(), header.generation());
        }
        try (InputStream decoded = PdfStreamDecoder.decode(raw, dictionary)) {
            return entries.add(name, decoded);
        }
    }

    static InputStream skipTo(InputStream in, int position) throws IOException {
        in.skipNBytes(position);
        return in;
    }

    /** After {@code stream}: optional blanks, then CRLF, LF or a lone CR (tolerated), then the data. */
    static int dataStart(ByteBuffer bytes, int at) {
        int i = at;
        int size = bytes.limit();
        while (i < size && (bytes.get(i) == ' ' || bytes.get(i) == '\t') && i - at < 16) {
            i++;
        }
        if (i < size && bytes.get(i) == '\r') {
            i++;
            return i < size && bytes.get(i) == '\n' ? i + 1 : i;
        }
        return i < size && bytes.get(i) == '\n' ? i + 1 : -1;
    }

    private static Map<String, Object> dictionary(ByteBuffer bytes, PdfObjectIndex.Header header, int keyword) {
        if (header == null) {
            return Map.of();
        }
        Object value = new PdfSyntax(bytes, header.bodyStart(), keyword).next();
        @SuppressWarnings("unchecked")
        Map<String, Object> dictionary = value instanceof Map ? (Map<String, Object>) value : Map.of();
        return dictionary;
    }

    /** Where the data ends: by {@code /Length} when {@code endstream} follows there, else by searching. */
    static int dataEnd(ByteBuffer bytes, int start, Map<String, Object> dictionary, PdfObjectIndex index) {
        long length = length(bytes, dictionary.get("Length"), index);
        if (length >= 0 && start + length <= bytes.limit() && endstreamAt(bytes, (int) (start + length))) {
            return (int) (start + length);
        }
        int end = Bytes.indexOf(bytes, ENDSTREAM, start, bytes.limit());
        if (end < 0) {
            return -1;
        }
        if (end > start && bytes.get(end - 1) == '\n') {
            end--;
        }
        if (end > start && bytes.get(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    private static boolean endstreamAt(ByteBuffer bytes, int at) {
        int i = at;
        while (i < bytes.limit() && PdfSyntax.isSpace(bytes.get(i) & 0xff) && i - at < 16) {
            i++;
        }
        return Bytes.indexOf(bytes, ENDSTREAM, i, i + ENDSTREAM.length) == i;
    }

    private static long length(ByteBuffer bytes, Object value, PdfObjectIndex index) {
        if (value instanceof PdfSyntax.Ref) {
            PdfObjectIndex.Header target = index.byNumber(((PdfSyntax.Ref) value).number());
            value = target == null ? null
                    : new PdfSyntax(bytes, target.bodyStart(), index.endOf(target, bytes.limit())).next();
        }
        return value instanceof Long ? (Long) value : -1;
    }

    /** The filter names of a stream dictionary, one or an array. */
    static List<Object> asList(Object value) {
        if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) value;
            return list;
        }
        return value == null ? List.of() : List.of(value);
    }
}
