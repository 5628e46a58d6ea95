package com.postwarden.scan.internal.container.document;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the embedded files of a PDF: a file specification ({@code /Type /Filespec}, ISO 32000-1 section 7.11.3)
 * points at its {@code /EmbeddedFile} stream through {@code /EF << /F 15 0 R >>} and names it with {@code /UF}
 * (text string) or {@code /F}. Only objects that contain {@code /EF} are parsed.
 */
final class PdfFileSpecs {
    private static final byte[] EF = "/EF".getBytes(StandardCharsets.US_ASCII);
    /** Walking stops here: a file specification sits near the top of its object. */
    private static final int MAX_WALK = 10_000;

    private PdfFileSpecs() {
    }

    /** Stream object number to the file name its specification gives. */
    static Map<Long, String> embeddedFileNames(ByteBuffer bytes, PdfObjectIndex index) {
        Map<Long, String> names = new HashMap<>();
        int size = bytes.limit();
        for (int at = Bytes.indexOf(bytes, EF, 0, size); at >= 0; ) {
            PdfObjectIndex.Header header = index.before(at);
            int end = header == null ? size : index.endOf(header, size);
            if (header != null) {
                Object value = new PdfSyntax(bytes, header.bodyStart(), end).next();
                collect(value, names, new int[] {0});
            }
            at = Bytes.indexOf(bytes, EF, Math.max(end, at + EF.length), size);
        }
        return names;
    }

    private static void collect(Object value, Map<Long, String> names, int[] visited) {
        if (++visited[0] > MAX_WALK) {
            return;
        }
        if (value instanceof Map) {
            Map<?, ?> dictionary = (Map<?, ?>) value;
            Object ef = dictionary.get("EF");
            if (ef instanceof Map) {
                String name = name(dictionary);
                for (Object target : ((Map<?, ?>) ef).values()) {
                    if (target instanceof PdfSyntax.Ref && name != null) {
                        names.putIfAbsent(((PdfSyntax.Ref) target).number(), name);
                    }
                }
            }
            for (Object child : dictionary.values()) {
                collect(child, names, visited);
            }
        } else if (value instanceof List) {
            for (Object child : (List<?>) value) {
                collect(child, names, visited);
            }
        }
    }

    private static String name(Map<?, ?> fileSpec) {
        for (String key : new String[] {"UF", "F", "Unix", "DOS"}) {
            Object value = fileSpec.get(key);
            if (value instanceof byte[] && ((byte[]) value).length > 0) {
                String name = PackagedFile.baseName(text((byte[]) value));
                if (!name.isEmpty()) {
                    return name;
                }
            }
        }
        return null;
    }

    /** A PDF text string: UTF-16BE after its byte order mark, UTF-8 after its mark, else PDFDocEncoding. */
    static String text(byte[] value) {
        if (value.length >= 2 && (value[0] & 0xff) == 0xfe && (value[1] & 0xff) == 0xff) {
            return new String(value, 2, value.length - 2, StandardCharsets.UTF_16BE);
        }
        if (value.length >= 3 && (value[0] & 0xff) == 0xef && (value[1] & 0xff) == 0xbb && (value[2] & 0xff) == 0xbf) {
            return new String(value, 3, value.length - 3, StandardCharsets.UTF_8);
        }
        return new String(value, StandardCharsets.ISO_8859_1);
    }
}
