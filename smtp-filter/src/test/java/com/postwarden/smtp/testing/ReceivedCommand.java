package com.postwarden.smtp.testing;

import java.util.Locale;

/**
 * One command line as a {@link ScriptedSmtpServer} read it.
 *
 * @param line              the line without CRLF
 * @param repliesSentBefore how many replies the server had sent on this connection when the line was read.
 *                          The server sends its replies only when it has no more input waiting (as RFC 2920
 *                          servers do), so commands that carry the same number arrived together: pipelined.
 */
public record ReceivedCommand(String line, int repliesSentBefore) {

    /** The command word in upper case: {@code MAIL}, {@code RCPT}, {@code DATA}. */
    public String verb() {
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        int colon = word.indexOf(':');
        return (colon < 0 ? word : word.substring(0, colon)).toUpperCase(Locale.ROOT);
    }
}
