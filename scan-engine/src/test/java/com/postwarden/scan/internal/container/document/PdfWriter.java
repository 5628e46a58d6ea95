package com.postwarden.scan.internal.container.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes small, well-formed PDFs for tests: numbered objects, stream objects, a cross-reference table. */
final class PdfWriter {
    private final List<byte[]> objects = new ArrayList<>();

    /** Adds an object; returns its number. */
    int object(String body) {
        objects.add(body.getBytes(StandardCharsets.ISO_8859_1));
        return objects.size();
    }

    /** Adds a stream object with {@code dictionary} entries (no {@code <<>>}); /Length is added. */
    int stream(String dictionary, byte[] data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("<< " + dictionary + " /Length " + data.length + " >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(data);
        body.writeBytes("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
        objects.add(body.toByteArray());
        return objects.size();
    }

    /** A one-page document around the objects added so far; object 1 must be free for the catalog. */
    byte[] bytes(int catalog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(objects.get(i));
            out.writeBytes("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root ").append(catalog)
                .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A catalog with one empty page, for documents that only carry streams. */
    static PdfWriter withPage() {
        PdfWriter writer = new PdfWriter();
        writer.object("<< /Type /Catalog /Pages 2 0 R >>");
        writer.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        writer.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        return writer;
    }
}
