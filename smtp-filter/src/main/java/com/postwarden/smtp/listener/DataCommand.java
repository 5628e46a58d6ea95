package com.postwarden.smtp.listener;

import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.SpoolOutputStream;
import com.postwarden.smtp.transaction.ForwardedClient;
import com.postwarden.smtp.transaction.MessageIds;
import java.io.EOFException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * DATA (RFC 5321 section 4.1.1.4): streams the message to the spool within the limits, hands it to the
 * {@link com.postwarden.smtp.transaction.MessageReceiver} and sends the reply it decides. The client hears
 * 250 only when the receiver says the message's fate is durable.
 */
final class DataCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);

    private final ListenerContext context;
    private final MessageIntake intake;

    DataCommand(ListenerContext context, MessageIntake intake) {
        super("DATA", "Following text is collected as the message. End with a line holding a single dot.");
        this.context = context;
        this.intake = intake;
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            ListenerContext.send(session, SmtpReplies.NEED_MAIL);
            return;
        } else if (session.getRecipientCount() == 0) {
            ListenerContext.send(session, SmtpReplies.NEED_RCPT);
            return;
        } else if (ListenerContext.transaction(session).chunks().isPresent()) {
            ListenerContext.send(session, SmtpReplies.DATA_AFTER_BDAT);
            return;
        }
        String id = MessageIds.next();
        ListenerContext.send(session, SmtpReplies.START_DATA);
        try (SpoolOutputStream spool = context.spool().newMessage()) {
            ContentLimits.Outcome outcome = intake.withDataTimeout(session,
                    () -> new DataReader(intake.limits()).copy(session.getRawInput(), spool));
            SmtpReply reply = intake.complete(session, id, spool, outcome);
            ListenerContext.send(session, reply);
        } catch (EOFException e) {
            LOG.info("{}: client {} went away during DATA; nothing was accepted", id, MessageIntake.address(session));
            session.quit();
        } finally {
            session.resetMailTransaction();
            context.sessions().state(session).forwarded(ForwardedClient.NONE);
        }
    }
}
