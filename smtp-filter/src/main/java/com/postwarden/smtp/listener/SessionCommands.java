package com.postwarden.smtp.listener;

import com.postwarden.smtp.reply.SmtpReplies;
import com.postwarden.smtp.reply.SmtpReply;
import java.io.IOException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * RSET, NOOP, QUIT, VRFY, EXPN and AUTH with enhanced status codes (RFC 2034: once ENHANCEDSTATUSCODES is
 * advertised, every reply carries one). VRFY never confirms an address (no harvesting); EXPN and AUTH are not
 * offered.
 */
final class SessionCommands extends BaseCommand {
    private enum Kind { RSET, NOOP, QUIT, VRFY, EXPN, AUTH }

    private final Kind kind;

    private SessionCommands(Kind kind) {
        super(kind.name(), "See RFC 5321.");
        this.kind = kind;
    }

    static java.util.List<BaseCommand> all() {
        return java.util.Arrays.stream(Kind.values()).map(k -> (BaseCommand) new SessionCommands(k)).toList();
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        SmtpReply reply = switch (kind) {
            case RSET -> {
                session.resetMailTransaction();
                yield SmtpReplies.OK;
            }
            case NOOP -> SmtpReplies.OK;
            case QUIT -> SmtpReplies.BYE;
            case VRFY -> SmtpReplies.CANNOT_VERIFY;
            case EXPN, AUTH -> SmtpReplies.COMMAND_DISABLED;
        };
        ListenerContext.send(session, reply);
        if (kind == Kind.QUIT) {
            session.quit();
        }
    }
}
