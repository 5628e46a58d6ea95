package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReplies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/** EHLO and HELO (RFC 5321 section 4.1.1.1), with the extensions this listener really offers. */
final class HelloCommands {
    private HelloCommands() {
    }

    static final class Ehlo extends BaseCommand {
        private final ListenerContext context;

        Ehlo(ListenerContext context) {
            super("EHLO", "Introduce yourself and list the service extensions.", "<hostname>");
            this.context = context;
        }

        @Override
        public void execute(String command, Session session) throws IOException {
            String[] args = getArgs(command);
            if (args.length != 2) {
                ListenerContext.send(session, SmtpReplies.syntax("EHLO hostname"));
                return;
            }
            session.resetMailTransaction();
            session.setHelo(args[1]);
            SessionState state = context.sessions().state(session);
            state.esmtp(true);
            SmtpSettings settings = context.settings().get();
            List<String> extensions = new ArrayList<>();
            extensions.add("PIPELINING");
            extensions.add("SIZE " + settings.maxMessageSize().bytes());
            extensions.add("8BITMIME");
            extensions.add("ENHANCEDSTATUSCODES");
            if (context.tlsAvailable() && !session.isTLSStarted()) {
                extensions.add("STARTTLS");
            }
            if (state.trusted()) {
                extensions.add("XFORWARD " + String.join(" ", XforwardCommand.ATTRIBUTES));
            }
            ListenerContext.send(session, SmtpReplies.ehlo(settings.hostname(), args[1], extensions));
        }
    }

    static final class Helo extends BaseCommand {
        private final ListenerContext context;

        Helo(ListenerContext context) {
            super("HELO", "Introduce yourself.", "<hostname>");
            this.context = context;
        }

        @Override
        public void execute(String command, Session session) throws IOException {
            String[] args = getArgs(command);
            if (args.length != 2) {
                ListenerContext.send(session, SmtpReplies.syntax("HELO hostname"));
                return;
            }
            session.resetMailTransaction();
            session.setHelo(args[1]);
            context.sessions().state(session).esmtp(false);
            ListenerContext.send(session, SmtpReplies.helo(context.settings().get().hostname()));
        }
    }
}
