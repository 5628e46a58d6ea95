package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 section 4.2) with bounds: a peer that sends endless lines or endless continuation
 * lines gets a {@link ProtocolException}, not our memory. Line ends may be CRLF or a bare LF.
 * Not thread-safe; one per connection.
 */
final class ReplyReader {
    /** RFC 5321 section 4.5.3.1.5 allows 512 octets per reply line; real servers send somewhat longer ones. */
    static final int MAX_LINE_LENGTH = 2048;
    /** Enough for any EHLO reply seen in practice. */
    static final int MAX_LINES = 100;

    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE_LENGTH];

    ReplyReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one complete reply.
     *
     * @throws EOFException      if the peer closed the connection
     * @throws ProtocolException if the reply is not a well-formed SMTP reply or exceeds the bounds
     */
    SmtpReply read() throws IOException {
        List<String> lines = new ArrayList<>();
        String current;
        do {
            if (lines.size() == MAX_LINES) {
                throw new ProtocolException("reply longer than " + MAX_LINES + " lines");
            }
            current = readLine();
            lines.add(current);
        } while (current.length() > 3 && current.charAt(3) == '-');
        try {
            return SmtpReply.parse(lines);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("malformed reply: " + printable(lines.get(0)));
        }
    }

    private String readLine() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(length == 0 ? "connection closed by the next hop"
                        : "connection closed by the next hop in the middle of a reply");
            }
            if (b == '\n') {
                break;
            }
            if (length == MAX_LINE_LENGTH) {
                throw new ProtocolException("reply line longer than " + MAX_LINE_LENGTH + " bytes");
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
