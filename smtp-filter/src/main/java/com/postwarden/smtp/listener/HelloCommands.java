package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * EHLO and HELO (RFC 5321 section 4.1.1.1): both reset the transaction and record the client's name; EHLO also
 * lists the extensions this listener really offers.
 */
abstract class HelloCommands extends BaseCommand {
    private final ListenerContext context;
    private final boolean esmtp;

    private HelloCommands(String verb, ListenerContext context, boolean esmtp) {
        super(verb, "Introduce yourself.", "<hostname>");
        this.context = context;
        this.esmtp = esmtp;
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        String[] args = getArgs(command);
        if (args.length != 2) {
            ListenerContext.send(session, SmtpReplies.syntax(getName() + " hostname"));
            return;
        }
        session.resetMailTransaction();
        session.setHelo(args[1]);
        SessionState state = context.sessions().state(session);
        state.esmtp(esmtp);
        ListenerContext.send(session, reply(context.settings().get(), session, state, args[1]));
    }

    abstract SmtpReply reply(SmtpSettings settings, Session session, SessionState state, String clientName);

    static final class Ehlo extends HelloCommands {
        private final boolean tlsAvailable;

        Ehlo(ListenerContext context) {
            super("EHLO", context, true);
            this.tlsAvailable = context.tlsAvailable();
        }

        @Override
        SmtpReply reply(SmtpSettings settings, Session session, SessionState state, String clientName) {
            List<String> extensions = new ArrayList<>();
            extensions.add("PIPELINING");
            extensions.add("SIZE " + settings.maxMessageSize().bytes());
            extensions.add("8BITMIME");
            extensions.add("ENHANCEDSTATUSCODES");
            extensions.add("CHUNKING");
            if (tlsAvailable && !session.isTLSStarted()) {
                extensions.add("STARTTLS");
            }
            if (state.trusted()) {
                extensions.add("XFORWARD " + String.join(" ", XforwardCommand.ATTRIBUTES));
            }
            return SmtpReplies.ehlo(settings.hostname(), clientName, extensions);
        }
    }

    static final class Helo extends HelloCommands {
        Helo(ListenerContext context) {
            super("HELO", context, false);
        }

        @Override
        SmtpReply reply(SmtpSettings settings, Session session, SessionState state, String clientName) {
            return SmtpReplies.helo(settings.hostname());
        }
    }
}
