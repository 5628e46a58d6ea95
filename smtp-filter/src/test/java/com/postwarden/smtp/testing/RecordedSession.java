package com.postwarden.smtp.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A snapshot of one connection to a {@link ScriptedSmtpServer}.
 *
 * @param index    order of acceptance, from 0
 * @param commands the command lines received, in order (message data excluded)
 * @param received every byte received, message data included (after TLS: the decrypted bytes), up to the
 *                 record limit
 * @param tls      whether STARTTLS completed
 * @param quit     whether the client sent QUIT
 * @param ended    whether the connection is over
 */
public record RecordedSession(int index, List<ReceivedCommand> commands, byte[] received, boolean tls, boolean quit,
                              boolean ended) {

    public RecordedSession {
        commands = List.copyOf(commands);
    }

    /** The command lines alone. */
    public List<String> commandLines() {
        return commands.stream().map(ReceivedCommand::line).toList();
    }

    /** The command words alone: {@code [EHLO, MAIL, RCPT, DATA, QUIT]}. */
    public List<String> verbs() {
        return commands.stream().map(ReceivedCommand::verb).toList();
    }

    /** The received bytes as text (ISO-8859-1, so that every byte shows as one character). */
    public String receivedText() {
        return new String(received, StandardCharsets.ISO_8859_1);
    }
}
