package com.postwarden.smtp.listener;

import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.reply.SmtpReplies;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/** MAIL FROM (RFC 5321 section 4.1.1.2) with SIZE (RFC 1870) and BODY (RFC 6152). */
final class MailCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(MailCommand.class);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private final ListenerContext context;

    MailCommand(ListenerContext context) {
        super("MAIL", "Specifies the sender.", "FROM:<sender> [SIZE=n] [BODY=7BIT|8BITMIME]");
        this.context = context;
    }

    @Override
    public void execute(String command, Session session) throws IOException, DropConnectionException {
        if (context.sessions().isDraining()) {
            throw new DropConnectionException(421, "4.3.2 Service shutting down, try again later");
        }
        if (session.isMailTransactionInProgress()) {
            ListenerContext.send(session, SmtpReplies.NESTED_MAIL);
            return;
        }
        CommandArguments.Parsed parsed = CommandArguments.parse(getArgPredicate(command), "FROM:", true);
        if (parsed.arguments().isEmpty()) {
            ListenerContext.send(session, parsed.refusal("MAIL FROM:<address>", true));
            return;
        }
        CommandArguments args = parsed.arguments().get();
        SmtpSettings settings = context.settings().get();
        long size = 0;
        boolean eightBit = false;
        for (Map.Entry<String, String> parameter : args.parameters().entrySet()) {
            switch (parameter.getKey()) {
                case "SIZE" -> {
                    String value = parameter.getValue();
                    if (!NUMBER.matcher(value).matches()) {
                        ListenerContext.send(session, SmtpReplies.syntax("SIZE=<number of bytes>"));
                        return;
                    }
                    size = Long.parseLong(value);
                }
                case "BODY" -> {
                    if (!value(parameter).equals("7BIT") && !value(parameter).equals("8BITMIME")) {
                        ListenerContext.send(session, SmtpReplies.syntax("BODY=7BIT or BODY=8BITMIME"));
                        return;
                    }
                    eightBit = value(parameter).equals("8BITMIME");
                }
                default -> {
                    ListenerContext.send(session, SmtpReplies.unsupportedParameter(parameter.getKey()));
                    return;
                }
            }
        }
        long limit = settings.maxMessageSize().bytes();
        if (size > limit) {
            LOG.info("refused MAIL FROM:<{}> from {}: declared SIZE={} exceeds maxMessageSize={}", args.address(),
                    session.getRemoteAddress().getAddress().getHostAddress(), size, limit);
            ListenerContext.send(session, SmtpReplies.messageTooBig(limit));
            return;
        }
        session.startMailTransaction();
        ListenerContext.transaction(session).start(args.address(), size, eightBit);
        ListenerContext.send(session, SmtpReplies.SENDER_OK);
    }

    private static String value(Map.Entry<String, String> parameter) {
        return parameter.getValue().toUpperCase(java.util.Locale.ROOT);
    }
}
