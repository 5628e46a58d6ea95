package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.SpoolOutputStream;
import com.postwarden.smtp.spool.SpooledMessage;
import com.postwarden.smtp.transaction.ClientInfo;
import com.postwarden.smtp.transaction.Envelope;
import com.postwarden.smtp.transaction.ForwardedClient;
import com.postwarden.smtp.transaction.MessageIds;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Optional;
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

    DataCommand(ListenerContext context) {
        super("DATA", "Following text is collected as the message. End with a line holding a single dot.");
        this.context = context;
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            ListenerContext.send(session, SmtpReplies.NEED_MAIL);
            return;
        } else if (session.getRecipientCount() == 0) {
            ListenerContext.send(session, SmtpReplies.NEED_RCPT);
            return;
        }
        SessionState state = context.sessions().state(session);
        SmtpSettings settings = context.settings().get();
        String id = MessageIds.next();
        ListenerContext.send(session, SmtpReplies.START_DATA);
        try (SpoolOutputStream spool = context.spool().newMessage()) {
            DataReader.Outcome outcome = receive(session, settings, spool);
            if (outcome != DataReader.Outcome.COMPLETE) {
                ListenerContext.send(session, refusal(id, session, settings, outcome));
                return;
            }
            SmtpReply reply;
            try (SpooledMessage content = spool.finish()) {
                Transaction transaction = ListenerContext.transaction(session);
                reply = decide(new ReceivedMessage(id, clientInfo(session, state),
                        new Envelope(transaction.sender(), transaction.recipients(), transaction.declaredSize(),
                                transaction.eightBitMime()), Instant.now(), content));
            } // the spool file is gone before the client hears the reply
            ListenerContext.send(session, reply);
        } catch (EOFException e) {
            LOG.info("{}: client {} went away during DATA; nothing was accepted", id, address(session));
            session.quit();
        } catch (SocketTimeoutException e) {
            LOG.info("{}: client {} sent no data for dataTimeout={}; closing with 421", id, address(session),
                    settings.dataTimeout());
            throw e; // SubEtha answers 421 and closes the connection
        } finally {
            session.resetMailTransaction();
            state.forwarded(ForwardedClient.NONE);
        }
    }

    private DataReader.Outcome receive(Session session, SmtpSettings settings, SpoolOutputStream spool)
            throws IOException {
        Socket socket = session.getSocket();
        int commandTimeout = socket.getSoTimeout();
        socket.setSoTimeout((int) settings.dataTimeout().toMillis());
        DataReader reader = new DataReader(settings.maxMessageSize().bytes(), settings.maxLineLength(),
                settings.maxHeaderSize().bytes());
        DataReader.Outcome outcome = reader.copy(session.getRawInput(), spool);
        socket.setSoTimeout(commandTimeout);
        return outcome;
    }

    private SmtpReply decide(ReceivedMessage message) {
        try {
            return context.receiver().receive(message);
        } catch (RuntimeException e) {
            LOG.error("{}: processing failed; answered 451 so the client keeps the message", message.id(), e);
            return SmtpReplies.LOCAL_ERROR;
        }
    }

    private static SmtpReply refusal(String id, Session session, SmtpSettings settings, DataReader.Outcome outcome) {
        SmtpReply reply = switch (outcome) {
            case TOO_BIG -> SmtpReplies.messageTooBig(settings.maxMessageSize().bytes());
            case LINE_TOO_LONG -> SmtpReplies.lineTooLong(settings.maxLineLength());
            case HEADER_TOO_BIG -> SmtpReplies.headerTooBig(settings.maxHeaderSize().bytes());
            case COMPLETE -> throw new IllegalStateException("not a refusal");
        };
        LOG.info("{}: refused message from {}: {}", id, address(session), reply.toWire());
        return reply;
    }

    private static ClientInfo clientInfo(Session session, SessionState state) {
        return new ClientInfo(session.getRemoteAddress().getAddress(), session.getHelo().orElse(""), state.esmtp(),
                session.isTLSStarted(), state.forwarded().isEmpty() ? Optional.empty() : Optional.of(state.forwarded()));
    }

    private static String address(Session session) {
        return session.getRemoteAddress().getAddress().getHostAddress();
    }
}
