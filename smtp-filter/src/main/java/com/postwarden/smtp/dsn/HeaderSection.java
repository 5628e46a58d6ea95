package com.postwarden.smtp.dsn;

import com.postwarden.smtp.spool.MessageContent;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the header section of a message (RFC 5322 section 2.1): the lines up to the first empty one, with CRLF
 * line ends, at most {@code limit} bytes of complete lines. Only that much is read from the stream.
 */
final class HeaderSection {
    private static final byte[] CRLF = {'\r', '\n'};

    private HeaderSection() {
    }

    static byte[] read(MessageContent content, int limit) throws IOException {
        ByteArrayOutputStream section = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(content.openStream())) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    if (line.size() >= limit) {
                        return section.toByteArray(); // a line longer than the limit ends what is returned
                    }
                    line.write(b);
                    continue;
                }
                byte[] text = withoutCr(line.toByteArray());
                if (text.length == 0 || section.size() + text.length + CRLF.length > limit) {
                    return section.toByteArray();
                }
                section.write(text);
                section.write(CRLF);
                line.reset();
            }
        }
        byte[] last = withoutCr(line.toByteArray()); // a message that is all header, without a final line end
        if (last.length > 0 && section.size() + last.length + CRLF.length <= limit) {
            section.write(last);
            section.write(CRLF);
        }
        return section.toByteArray();
    }

    private static byte[] withoutCr(byte[] line) {
        int length = line.length;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return length == line.length ? line : java.util.Arrays.copyOf(line, length);
    }
}
