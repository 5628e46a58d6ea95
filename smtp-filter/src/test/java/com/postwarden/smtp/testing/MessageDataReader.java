package com.postwarden.smtp.testing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads SMTP message data as Postfix's smtpd does: a line starts after every LF, a leading '.' is removed, and a
 * line of just '.' (CRLF or LF) ends the data.
 */
final class MessageDataReader {

    private MessageDataReader() {
    }

    static Recorder read(InputStream in, int recordLimit) throws IOException {
        Recorder data = new Recorder(recordLimit);
        boolean lineStart = true;
        int b = in.read();
        while (true) {
            if (b < 0) {
                throw new EOFException("connection closed during message data");
            }
            if (lineStart && b == '.') {
                int next = in.read();
                if (next == '\r') {
                    int after = in.read();
                    if (after == '\n') {
                        return data;
                    }
                    data.write('\r');
                    next = after;
                } else if (next == '\n') {
                    return data;
                }
                b = next; // the dot was stuffing
                lineStart = false;
                continue;
            }
            data.write(b);
            lineStart = b == '\n';
            b = in.read();
        }
    }
}
