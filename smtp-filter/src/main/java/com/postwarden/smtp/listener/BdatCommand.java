package com.postwarden.smtp.listener;

import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.transaction.ForwardedClient;
import com.postwarden.smtp.transaction.MessageIds;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * BDAT (RFC 3030 CHUNKING): each chunk's exact number of octets is read into the transaction's spool under the
 * same limits as DATA; the LAST chunk ends the message like the end of DATA. The chunk data is read even when
 * the command is refused, so that it is never taken for commands.
 */
final class BdatCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(BdatCommand.class);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private final ListenerContext context;
    private final MessageIntake intake;

    BdatCommand(ListenerContext context, MessageIntake intake) {
        super("BDAT", "A chunk of the message: BDAT chunk-size [LAST], followed by exactly chunk-size octets.");
        this.context = context;
        this.intake = intake;
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        String[] args = getArgs(command);
        boolean last = args.length == 3 && args[2].toUpperCase(Locale.ROOT).equals("LAST");
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !last)
                || !NUMBER.matcher(args[1]).matches()) {
            ListenerContext.send(session, SmtpReplies.syntax("BDAT chunk-size [LAST]"));
            session.quit(); // how much chunk data follows is unknown: the session cannot stay in step
            return;
        }
        long size = Long.parseLong(args[1]);
        SmtpReply refusal = !session.isMailTransactionInProgress() ? SmtpReplies.NEED_MAIL
                : session.getRecipientCount() == 0 ? SmtpReplies.NEED_RCPT : null;
        try {
            if (refusal != null) {
                intake.withDataTimeout(session, () -> copy(session.getRawInput(), size, null, OutputStream.nullOutputStream()));
                ListenerContext.send(session, refusal);
                return;
            }
            Transaction transaction = ListenerContext.transaction(session);
            ChunkedMessage message = transaction.chunks().orElseGet(() -> transaction.startChunks(
                    new ChunkedMessage(MessageIds.next(), context.spool().newMessage(), intake.limits())));
            intake.withDataTimeout(session, () -> copy(session.getRawInput(), size, message.limits(), message.spool()));
            if (!last) {
                ListenerContext.send(session, SmtpReplies.chunkReceived(size));
                return;
            }
            SmtpReply reply = intake.complete(session, message.id(), message.spool(), message.limits().outcome());
            endTransaction(session);
            ListenerContext.send(session, reply);
        } catch (EOFException e) {
            LOG.info("client {} went away during BDAT; nothing was accepted", MessageIntake.address(session));
            endTransaction(session);
            session.quit();
        }
    }

    private void endTransaction(Session session) {
        session.resetMailTransaction(); // also discards a partly received message
        context.sessions().state(session).forwarded(ForwardedClient.NONE);
    }

    /** Reads exactly {@code size} octets; through {@code limits} into {@code out}, or discarded when null. */
    private static Void copy(InputStream in, long size, ContentLimits limits, OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(16 * 1024, Math.max(1, size))];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed during BDAT");
            }
            if (limits != null) {
                limits.write(buffer, 0, n, out);
            }
            left -= n;
        }
        return null;
    }
}
