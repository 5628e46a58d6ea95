package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReplies;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * RCPT TO (RFC 5321 section 4.1.1.3). Relaying is refused unless the recipient's domain is a relay domain or
 * the client is in the trusted networks: the gateway is never an open relay.
 */
final class RcptCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RcptCommand.class);

    private final ListenerContext context;

    RcptCommand(ListenerContext context) {
        super("RCPT", "Specifies a recipient.", "TO:<recipient>");
        this.context = context;
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            ListenerContext.send(session, SmtpReplies.NEED_MAIL);
            return;
        }
        SmtpSettings settings = context.settings().get();
        Transaction transaction = ListenerContext.transaction(session);
        String client = session.getRemoteAddress().getAddress().getHostAddress();
        if (transaction.recipientCount() >= settings.maxRecipients()) {
            LOG.info("refused RCPT from {}: more than maxRecipients={}", client, settings.maxRecipients());
            ListenerContext.send(session, SmtpReplies.TOO_MANY_RECIPIENTS);
            return;
        }
        CommandArguments.Parsed parsed = CommandArguments.parse(getArgPredicate(command), "TO:", false);
        if (parsed.arguments().isEmpty()) {
            ListenerContext.send(session, parsed.refusal("RCPT TO:<address>", false));
            return;
        }
        CommandArguments args = parsed.arguments().get();
        if (!args.parameters().isEmpty()) {
            ListenerContext.send(session, SmtpReplies.unsupportedParameter(args.parameters().keySet().iterator().next()));
            return;
        }
        String domain = args.domain();
        boolean allowed = domain.isEmpty() || settings.isRelayDomain(domain)
                || context.sessions().state(session).trusted();
        if (!allowed) {
            LOG.warn("relay denied: client {} from=<{}> to=<{}>: domain not in relayDomains and client not in"
                    + " trustedNetworks", client, transaction.sender(), args.address());
            ListenerContext.send(session, SmtpReplies.RELAY_DENIED);
            return;
        }
        transaction.addRecipient(args.address());
        session.addRecipient(args.address());
        ListenerContext.send(session, SmtpReplies.RECIPIENT_OK);
    }
}
