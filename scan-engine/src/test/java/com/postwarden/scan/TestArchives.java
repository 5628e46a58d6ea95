package com.postwarden.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds archives and messages for engine tests with the JDK's own zip writer. */
final class TestArchives {
    private TestArchives() {
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        return zip(Map.of(name, content));
    }

    /** A zip holding {@code count} zero bytes in one entry, written without holding them. */
    static byte[] zipOfZeros(String name, long count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[64 * 1024];
            for (long left = count; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** {@code depth} zips, each holding the next, the innermost holding {@code name}. */
    static byte[] nestedZips(int depth, String name, byte[] content) throws IOException {
        byte[] current = zip(name, content);
        for (int level = depth - 1; level >= 1; level--) {
            current = zip("level" + level + ".zip", current);
        }
        return current;
    }

    static Map<String, byte[]> entries(int count, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("file" + i + ".txt", content);
        }
        return entries;
    }

    /** A MIME message with one text part and one base64 attachment. */
    static byte[] mailWithAttachment(String filename, byte[] attachment) {
        String text = "From: alice@example.net\r\n"
                + "To: bob@example.com\r\n"
                + "Subject: report\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "Please find the file attached.\r\n"
                + "--b1\r\n"
                + "Content-Type: application/octet-stream; name=\"" + filename + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(attachment)
                + "\r\n--b1--\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
    }
}
