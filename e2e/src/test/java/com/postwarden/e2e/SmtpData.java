package com.postwarden.e2e;

import java.io.IOException;
import java.io.OutputStream;

/** Message content as an SMTP client sends it after 354. */
final class SmtpData {
    private SmtpData() {
    }

    /**
     * Writes {@code content} dot-stuffed (RFC 5321 section 4.5.2: a line starting with "." gets another "."),
     * with CRLF added if it does not end with a line end; the terminating dot line is the caller's.
     */
    static void writeDotStuffed(OutputStream out, byte[] content) throws IOException {
        boolean lineStart = true;
        for (byte b : content) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
    }
}
