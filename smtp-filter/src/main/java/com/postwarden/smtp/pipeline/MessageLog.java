package com.postwarden.smtp.pipeline;

import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per message on the {@code postwarden.message} logger: id, client, sender, recipients,
 * size, outcome, the reply given upstream, the next hop's reply and the time taken. Values that come from
 * clients are quoted so that a line can always be split into key=value pairs.
 */
final class MessageLog {
    private static final Logger LOG = LoggerFactory.getLogger("postwarden.message");

    /** How the message ended, as the log and statistics name it. */
    enum Outcome { RELAYED, PARTIAL, TEMPFAIL, REJECTED, DISCARDED }

    void record(ReceivedMessage message, Outcome outcome, SmtpReply reply, String nextHop, List<String> findings,
                long millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(256)
                .append("id=").append(message.id())
                .append(" client=").append(message.client().address().getHostAddress());
        if (message.client().forwarded().isPresent()) {
            line.append(" orig_client=").append(message.client().originalAddress());
        }
        line.append(" from=<").append(clean(message.envelope().sender())).append('>')
                .append(" to=").append(String.join(",", message.envelope().recipients().stream()
                        .map(r -> "<" + clean(r) + ">").toList()))
                .append(" size=").append(message.content().size())
                .append(" outcome=").append(outcome.name().toLowerCase(java.util.Locale.ROOT))
                .append(" reply=\"").append(clean(reply.toString())).append('"')
                .append(" next_hop=\"").append(clean(nextHop)).append('"');
        if (!findings.isEmpty()) {
            line.append(" findings=\"").append(clean(String.join(" ", findings))).append('"');
        }
        line.append(" ms=").append(millis);
        LOG.info(line.toString());
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == '"' || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }
}
