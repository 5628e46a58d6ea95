package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReply;
import com.postwarden.smtp.spool.Spool;
import com.postwarden.smtp.transaction.MessageReceiver;
import java.io.IOException;
import java.util.function.Supplier;
import org.subethamail.smtp.server.Session;

/** What the gateway's SMTP commands share: live settings, session state, the spool and the receiver. */
record ListenerContext(Supplier<SmtpSettings> settings, SessionRegistry sessions, Spool spool,
                       MessageReceiver receiver, boolean tlsAvailable) {

    static void send(Session session, SmtpReply reply) throws IOException {
        session.sendResponse(reply.toWire());
    }

    static Transaction transaction(Session session) {
        return (Transaction) session.getMessageHandler();
    }
}
