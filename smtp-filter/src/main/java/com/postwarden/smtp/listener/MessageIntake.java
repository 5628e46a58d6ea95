package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.SpoolOutputStream;
import com.postwarden.smtp.spool.SpooledMessage;
import com.postwarden.smtp.transaction.ClientInfo;
import com.postwarden.smtp.transaction.Envelope;
import com.postwarden.smtp.transaction.ReceivedMessage;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;

/**
 * The end of a message's data, however it came (DATA or the last BDAT chunk): refuse it if it passed a limit,
 * otherwise hand it to the receiver; return the reply owed. The spool file is deleted before the reply is sent.
 */
final class MessageIntake {
    private static final Logger LOG = LoggerFactory.getLogger(MessageIntake.class);

    private final ListenerContext context;

    MessageIntake(ListenerContext context) {
        this.context = context;
    }

    SmtpReply complete(Session session, String id, SpoolOutputStream spool, ContentLimits.Outcome outcome)
            throws IOException {
        SmtpSettings settings = context.settings().get();
        if (outcome != ContentLimits.Outcome.COMPLETE) {
            return refusal(id, session, settings, outcome);
        }
        SessionState state = context.sessions().state(session);
        Transaction transaction = ListenerContext.transaction(session);
        try (SpooledMessage content = spool.finish()) {
            return decide(new ReceivedMessage(id, clientInfo(session, state),
                    new Envelope(transaction.sender(), transaction.recipients(), transaction.declaredSize(),
                            transaction.eightBitMime()), Instant.now(), content));
        }
    }

    private SmtpReply decide(ReceivedMessage message) {
        try {
            return context.receiver().receive(message);
        } catch (RuntimeException e) {
            LOG.error("{}: processing failed; answered 451 so the client keeps the message", message.id(), e);
            return SmtpReplies.LOCAL_ERROR;
        }
    }

    private static SmtpReply refusal(String id, Session session, SmtpSettings settings,
                                     ContentLimits.Outcome outcome) {
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

    static String address(Session session) {
        return session.getRemoteAddress().getAddress().getHostAddress();
    }

    /** What reads message data from the client. */
    interface DataRead<T> {
        T read() throws IOException;
    }

    /** Runs {@code read} with the data timeout instead of the command timeout; a timeout is logged. */
    <T> T withDataTimeout(Session session, DataRead<T> read) throws IOException {
        Socket socket = session.getSocket();
        int commandTimeout = socket.getSoTimeout();
        socket.setSoTimeout((int) context.settings().get().dataTimeout().toMillis());
        try {
            return read.read();
        } catch (SocketTimeoutException e) {
            LOG.info("client {} sent no data for dataTimeout={}; closing with 421", address(session),
                    context.settings().get().dataTimeout());
            throw e; // SubEtha answers 421 and closes the connection
        } finally {
            socket.setSoTimeout(commandTimeout);
        }
    }

    /** New limits for one message from the current settings. */
    ContentLimits limits() {
        SmtpSettings settings = context.settings().get();
        return new ContentLimits(settings.maxMessageSize().bytes(), settings.maxLineLength(),
                settings.maxHeaderSize().bytes());
    }
}
