package com.postwarden.smtp.listener;

import java.io.IOException;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * Notes when each command arrives, so that the end of a session can be told to be a command timeout (SubEtha
 * answers 421 itself and gives no other sign of it).
 */
final class ActivityRecordingCommand implements Command {
    private final Command delegate;
    private final SessionRegistry sessions;

    ActivityRecordingCommand(Command delegate, SessionRegistry sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public void execute(String command, Session session) throws IOException, DropConnectionException {
        sessions.state(session).touch();
        delegate.execute(command, session);
        sessions.state(session).touch();
    }

    @Override
    public HelpMessage getHelp() throws CommandException {
        return delegate.getHelp();
    }

    @Override
    public String getName() {
        return delegate.getName();
    }
}
