package com.postwarden.scan.internal.container.document;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.LimitedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a set of PDF names a document's objects use, as dictionary keys or name values: every object found by
 * {@link PdfObjectIndex} is parsed with {@link PdfSyntax} (which decodes {@code #xx} escapes, so
 * {@code /J#61vaScript} is {@code /JavaScript}), and the objects packed in compressed object streams
 * ({@code /Type /ObjStm}) are decoded ({@link PdfStreamDecoder}, decrypted when the empty user password opens the
 * file) and parsed the same way. Content streams (page text, images) are not looked into: a word in a page is not
 * an action. Work is bounded by the file size, and at most {@link #MAX_OBJECT_STREAM_BYTES} decoded bytes per object
 * stream and {@link #MAX_TOTAL_DECODED} in all; a damaged object is skipped, never an error.
 */
public final class PdfNames {
    static final int MAX_OBJECT_STREAM_BYTES = 4 << 20;
    static final long MAX_TOTAL_DECODED = 32L << 20;
    /** Values visited per object; a dictionary nested and repeated past this is not worth walking. */
    private static final int MAX_WALK = 100_000;
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

    private final Set<String> wanted;
    private final Set<String> found = new HashSet<>();
    private long decoded;

    private PdfNames(Set<String> wanted) {
        this.wanted = wanted;
    }

    /** The names of {@code wanted} (without the slash, e.g. {@code JavaScript}) that {@code pdf} uses. */
    public static Set<String> used(Content pdf, Set<String> wanted) {
        PdfNames names = new PdfNames(Set.copyOf(wanted));
        names.scan(pdf);
        return Set.copyOf(names.found);
    }

    private void scan(Content pdf) {
        ByteBuffer bytes = pdf.buffer();
        int size = bytes.limit();
        PdfObjectIndex index = PdfObjectIndex.scan(bytes);
        PdfTrailer trailer = PdfTrailer.find(bytes, index);
        for (PdfObjectIndex.Header header : index.headers()) {
            if (found.size() == wanted.size()) {
                return;
            }
            int end = index.endOf(header, size);
            PdfSyntax syntax = new PdfSyntax(bytes, header.bodyStart(), end);
            Object value = syntax.next();
            collect(value, new int[] {0});
            if (value instanceof Map && new PdfSyntax.Name("ObjStm").equals(((Map<?, ?>) value).get("Type"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> dictionary = (Map<String, Object>) value;
                objectStream(pdf, bytes, syntax.position(), end, dictionary, header, index, trailer);
            }
        }
    }

    private void objectStream(Content pdf, ByteBuffer bytes, int afterDictionary, int objectEnd,
                              Map<String, Object> dictionary, PdfObjectIndex.Header header, PdfObjectIndex index,
                              PdfTrailer trailer) {
        if (decoded >= MAX_TOTAL_DECODED) {
            return;
        }
        int keyword = Bytes.indexOf(bytes, STREAM, afterDictionary, Math.min(objectEnd, afterDictionary + 64));
        int start = keyword < 0 ? -1 : PdfUnpacker.dataStart(bytes, keyword + STREAM.length);
        if (start < 0) {
            return;
        }
        int end = PdfUnpacker.dataEnd(bytes, start, dictionary, index);
        if (end < 0) {
            end = bytes.limit();
        }
        byte[] objects;
        try {
            InputStream raw = new LimitedInputStream(PdfUnpacker.skipTo(pdf.newStream(), start), end - (long) start);
            if (trailer.encrypted()) {
                Optional<PdfDecryption> decryption = trailer.decryption();
                if (decryption.isEmpty()) {
                    return;
                }
                raw = decryption.get().decrypt(raw, header.number(), header.generation());
            }
            int budget = (int) Math.min(MAX_OBJECT_STREAM_BYTES, MAX_TOTAL_DECODED - decoded);
            try (InputStream in = PdfStreamDecoder.decode(raw, dictionary)) {
                objects = in.readNBytes(budget);
            }
        } catch (IOException | RuntimeException e) {
            return; // a damaged object stream hides nothing from the unpacker, which reports it
        }
        decoded += objects.length;
        ByteBuffer packed = ByteBuffer.wrap(objects);
        PdfSyntax syntax = new PdfSyntax(packed, 0, objects.length);
        while (syntax.position() < objects.length && found.size() < wanted.size()) {
            int before = syntax.position();
            collect(syntax.next(), new int[] {0});
            if (syntax.position() == before) {
                break;
            }
        }
    }

    private void collect(Object value, int[] visited) {
        if (value == null || ++visited[0] > MAX_WALK) {
            return;
        }
        if (value instanceof PdfSyntax.Name) {
            note(((PdfSyntax.Name) value).value());
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                note(String.valueOf(entry.getKey()));
                collect(entry.getValue(), visited);
            }
        } else if (value instanceof List) {
            for (Object child : (List<?>) value) {
                collect(child, visited);
            }
        }
    }

    private void note(String name) {
        if (wanted.contains(name)) {
            found.add(name);
        }
    }
}
