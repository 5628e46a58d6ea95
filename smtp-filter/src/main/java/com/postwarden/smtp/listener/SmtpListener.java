package com.postwarden.smtp.listener;

import com.postwarden.policies.config.HostPort;
import com.postwarden.policies.config.SmtpSettings;
import com.postwarden.smtp.spool.Spool;
import com.postwarden.smtp.transaction.MessageReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The inbound SMTP listener, built on SubEtha SMTP with the gateway's own MAIL, RCPT, DATA, EHLO and XFORWARD
 * commands (replies with enhanced status codes, limits enforced on the stream, no open relay).
 *
 * <p>Lifecycle: {@link #start()} once; to shut down, {@link #stopAccepting()} (new connections and new
 * transactions are refused with 421), {@link #awaitIdle(Duration)} while open transactions finish, then
 * {@link #stop()}. Settings are read
 * through the supplier at every command, so a reload applies to the next transaction; the listen address and
 * the certificate are fixed for the life of the listener.
 */
public final class SmtpListener {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpListener.class);

    private final SMTPServer server;
    private final SessionRegistry sessions;
    private final InFlight inFlight = new InFlight();
    private final HostPort listen;

    public SmtpListener(HostPort listen, Supplier<SmtpSettings> settings, Spool spool, MessageReceiver receiver,
                        Optional<SSLContext> tls) throws IOException {
        this.listen = listen;
        this.sessions = new SessionRegistry(settings);
        SmtpSettings initial = settings.get();
        SMTPServer.Builder builder = SMTPServer.port(listen.port())
                .bindAddress(InetAddress.getByName(listen.host()))
                .hostName(initial.hostname())
                .softwareName("Postwarden")
                .messageHandlerFactory(context -> new Transaction(inFlight))
                .sessionHandler(sessions)
                .maxConnections(initial.maxConnections())
                .connectionTimeoutMs((int) initial.commandTimeout().toMillis())
                .maxRecipients(-1)
                .insertReceivedHeaders(false);
        tls.ifPresent(context -> builder.enableTLS(true).startTlsSocketFactory(context));
        this.server = builder.build();
        install(server.getCommandHandler(),
                new ListenerContext(settings, sessions, spool, receiver, tls.isPresent()));
    }

    private static void install(CommandHandler commands, ListenerContext context) {
        MessageIntake intake = new MessageIntake(context);
        commands.addCommand(new HelloCommands.Ehlo(context));
        commands.addCommand(new HelloCommands.Helo(context));
        commands.addCommand(new MailCommand(context));
        commands.addCommand(new RcptCommand(context));
        commands.addCommand(new DataCommand(context, intake));
        commands.addCommand(new XforwardCommand(context));
        commands.addCommand(new BdatCommand(context, intake));
        SessionCommands.all().forEach(commands::addCommand);
        for (String verb : java.util.Set.copyOf(commands.getVerbs())) {
            commands.addCommand(new ActivityRecordingCommand(commands.getCommand(verb), context.sessions()));
        }
    }

    /** Binds and starts accepting; throws if the address cannot be bound. */
    public void start() {
        server.start();
        LOG.info("SMTP listener on {}:{}", listen.host(), port());
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return server.getPortAllocated();
    }


    /**
     * Stops taking mail: from now on new connections and new transactions are answered with 421; transactions
     * already open go on.
     */
    public void stopAccepting() {
        sessions.startDraining();
    }

    /** Waits up to {@code timeout} until no transaction is open; returns whether that happened. */
    public boolean awaitIdle(Duration timeout) {
        try {
            return inFlight.awaitNone(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Closes the listening socket and every connection. Call it when {@link #awaitIdle} succeeded, or after
     * whatever blocks the remaining transactions was cut off: SubEtha waits for every session thread to end.
     */
    public void stop() {
        if (inFlight.count() > 0) {
            LOG.warn("{} transaction(s) still open at shutdown; their clients were not told 250", inFlight.count());
        }
        server.stop();
    }
}
