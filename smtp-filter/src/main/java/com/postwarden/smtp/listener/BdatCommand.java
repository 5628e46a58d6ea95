package com.postwarden.smtp.listener;

import com.postwarden.smtp.reply.SmtpReplies;
import java.io.IOException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * BDAT is not offered: SubEtha's implementation bypasses the stream limits that DATA enforces, so CHUNKING is
 * not advertised and a client that tries BDAT anyway is told so.
 */
final class BdatCommand extends BaseCommand {
    BdatCommand() {
        super("BDAT", "Not offered; use DATA.");
    }

    @Override
    public void execute(String command, Session session) throws IOException {
        ListenerContext.send(session, SmtpReplies.CHUNKING_NOT_OFFERED);
        session.quit(); // the chunk that follows would be read as commands
    }
}
