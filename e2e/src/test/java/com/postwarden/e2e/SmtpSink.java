package com.postwarden.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps it: the next hop of a
 * Postfix instance or a stand-in for a content filter. Advertises and records XFORWARD.
 *
 * <p>The first {@link #start()} binds a free port; later starts bind the same port again, so a
 * test can {@link #stop()} the sink to make its client defer, then bring it back. Received
 * messages are kept across restarts until {@link #clear()}.
 *
 * <p>{@link #holdReplies()} turns it into a slow next hop: each message is recorded as soon as its data has
 * arrived, but the reply to the end of DATA waits until {@link #releaseReplies()}, so a test decides exactly how
 * long the client's transaction stays open.
 *
 * <p>Thread-safe. Waiting methods block on the arrival of messages, not on timers.
 */
public final class SmtpSink implements AutoCloseable {

    private static final String HOST_NAME = "sink.postwarden.test";
    /** A held reply is sent after this long at the latest, so a forgotten release cannot hang a test run. */
    private static final long MAX_HOLD_SECONDS = 120;

    private final Object lock = new Object();
    private final List<ReceivedMessage> received = new ArrayList<>();
    private final Object replyGate = new Object();
    private boolean holdingReplies;
    private SMTPServer server;
    private volatile int port;

    private SmtpSink() {}

    /** A sink that is not listening yet. */
    public static SmtpSink create() {
        return new SmtpSink();
    }

    /** A listening sink on a free port. */
    public static SmtpSink started() {
        return create().start();
    }

    /** Starts listening (on a free port the first time, on the same port afterwards). */
    public synchronized SmtpSink start() {
        if (server != null) {
            throw new IllegalStateException("already running on port " + port);
        }
        XforwardCommands xforward = new XforwardCommands();
        SMTPServer smtp = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName(HOST_NAME)
                .insertReceivedHeaders(false)
                .connectionTimeout(60, TimeUnit.SECONDS)
                .messageHandlerFactory(context -> new Recorder(context, xforward.take(context.getSessionId())))
                .build();
        smtp.getCommandHandler().addCommand(xforward.ehlo(HOST_NAME));
        smtp.getCommandHandler().addCommand(xforward.xforward());
        smtp.start();
        port = smtp.getPortAllocated();
        server = smtp;
        return this;
    }

    /**
     * From now on, the reply to each end of DATA waits until {@link #releaseReplies()} (at most
     * {@value #MAX_HOLD_SECONDS} seconds); the message itself is recorded at once.
     */
    public SmtpSink holdReplies() {
        synchronized (replyGate) {
            holdingReplies = true;
        }
        return this;
    }

    /** Sends every held reply now and stops holding new ones. */
    public void releaseReplies() {
        synchronized (replyGate) {
            holdingReplies = false;
            replyGate.notifyAll();
        }
    }

    /** Stops listening and drops open connections; received messages are kept; held replies are released. */
    public synchronized void stop() {
        releaseReplies();
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port on 127.0.0.1; assigned by the first {@link #start()}. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("not started yet, so no port is assigned");
        }
        return port;
    }

    /** Messages received so far, in order of arrival. */
    public List<ReceivedMessage> messages() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    public int messageCount() {
        synchronized (lock) {
            return received.size();
        }
    }

    /** How often each Message-ID arrived (messages without one count under {@code ""}). */
    public Map<String, Integer> countsByMessageId() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ReceivedMessage message : messages()) {
            counts.merge(message.messageId().orElse(""), 1, Integer::sum);
        }
        return counts;
    }

    /** Forgets all received messages. */
    public void clear() {
        synchronized (lock) {
            received.clear();
        }
    }

    /**
     * Waits until at least {@code count} messages have arrived in total.
     *
     * @return all messages received by then
     * @throws AssertionError on timeout, listing what did arrive
     */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) throws InterruptedException {
        return await(() -> received.size() >= count, count + " messages", timeout);
    }

    /**
     * Waits until a message with each of these Message-IDs has arrived.
     *
     * @return all messages received by then
     * @throws AssertionError on timeout, naming the missing ones
     */
    public List<ReceivedMessage> awaitMessageIds(Collection<String> messageIds, Duration timeout)
            throws InterruptedException {
        Set<String> wanted = Set.copyOf(messageIds);
        return await(() -> missing(wanted).isEmpty(), wanted.size() + " given Message-IDs", timeout);
    }

    private Set<String> missing(Set<String> wanted) {
        Set<String> missing = new LinkedHashSet<>(wanted);
        for (ReceivedMessage message : received) {
            message.messageId().ifPresent(missing::remove);
        }
        return missing;
    }

    private List<ReceivedMessage> await(java.util.function.BooleanSupplier done, String what, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("sink on port " + port + " expected " + what + " within " + timeout
                            + " but has " + received.size() + " message(s): " + summary());
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return List.copyOf(received);
        }
    }

    private String summary() {
        List<ReceivedMessage> all = received;
        int shown = Math.min(all.size(), 20);
        StringBuilder out = new StringBuilder();
        for (ReceivedMessage message : all.subList(all.size() - shown, all.size())) {
            out.append("\n  ").append(message);
        }
        return all.size() > shown ? "(last " + shown + ")" + out : out.toString();
    }

    private void add(ReceivedMessage message) {
        synchronized (lock) {
            received.add(message);
            lock.notifyAll();
        }
    }

    /** Collects one transaction; SubEtha creates one per MAIL command. */
    private final class Recorder implements MessageHandler {
        private final MessageContext context;
        private final Map<String, String> xforward;
        private final List<String> recipients = new ArrayList<>();
        private String sender = "";

        Recorder(MessageContext context, Map<String, String> xforward) {
            this.context = context;
            this.xforward = xforward;
        }

        @Override
        public void from(String from) {
            sender = from;
        }

        @Override
        public void recipient(String recipient) {
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            byte[] content = data.readAllBytes();
            Optional<String> helo = context.getHelo();
            add(new ReceivedMessage(sender, recipients, helo.orElse(""), xforward, content, Instant.now()));
            awaitRelease();
            return null; // default "250 Ok"
        }

        private void awaitRelease() throws InterruptedIOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_HOLD_SECONDS);
            synchronized (replyGate) {
                try {
                    while (holdingReplies) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return;
                        }
                        TimeUnit.NANOSECONDS.timedWait(replyGate, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while holding the reply");
                }
            }
        }

        @Override
        public void done() {}
    }
}
