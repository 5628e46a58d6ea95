package com.postwarden.scan.internal.container.text;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Decodes every uuencoded block of a text ({@code begin 644 name} ... {@code end}, and {@code begin-base64}
 * blocks of {@code uuencode -m}), wherever it starts: a whole {@code .uu} file, or blocks inside a mail body or a
 * news article. Each block is handed over under the name on its begin line. A block that ends without its end
 * marker is handed over as far as it goes, then {@link IOException} reports the damage.
 *
 * <p>Hand-written: no maintained Java library decodes uuencode (Commons Codec and Mime4J do not), and the format
 * is a line-length character and four-to-three groups.
 */
public final class UuencodeUnpacker implements Unpacker {
    @Override
    public void unpack(Content container, Entries entries) throws IOException {
        ByteBuffer bytes = container.buffer();
        int count = 0;
        for (int at = Lines.findLineStart(bytes, 0, "begin", false); at >= 0;
             at = Lines.findLineStart(bytes, at, "begin", false)) {
            int end = Lines.end(bytes, at);
            String header = Lines.text(bytes, at, end, 1024);
            int dataStart = Lines.next(bytes, end);
            BeginLine begin = BeginLine.parse(header);
            if (begin == null) {
                at = dataStart;
                continue;
            }
            count++;
            UuDecodingStream data = new UuDecodingStream(bytes, dataStart, begin.base64());
            String name = begin.name().isEmpty() ? "uudecoded-" + count : begin.name();
            if (!entries.add(name, data)) {
                return;
            }
            while (data.read() >= 0) {
                // the engine may stop reading at a limit: finish the block to find the next one
            }
            if (!data.complete()) {
                throw new IOException("uuencoded " + name + " ends without its end line");
            }
            at = Math.max(data.position(), dataStart);
        }
    }

    /** {@code begin[-base64] <octal mode> <name>}. */
    record BeginLine(boolean base64, String name) {
        static BeginLine parse(String line) {
            boolean base64 = line.startsWith("begin-base64 ");
            if (!base64 && !line.startsWith("begin ")) {
                return null;
            }
            String rest = line.substring(base64 ? 13 : 6);
            int space = rest.indexOf(' ');
            if (space < 3 || space > 4) {
                return null;
            }
            for (int i = 0; i < space; i++) {
                if (rest.charAt(i) < '0' || rest.charAt(i) > '7') {
                    return null;
                }
            }
            String path = rest.substring(space + 1).strip();
            int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            return new BeginLine(base64, path.substring(slash + 1).replaceAll("\\p{Cntrl}", ""));
        }
    }
}
