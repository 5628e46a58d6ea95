package com.postwarden.smtp.testing;

import com.postwarden.policies.config.HostPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A real SMTP server on 127.0.0.1 that plays an {@link SmtpScript} and records what it receives: the peer for
 * testing SMTP clients against replies, refusals, hangs, garbage and dropped connections that a real server will
 * not produce on demand.
 *
 * <pre>{@code
 * try (ScriptedSmtpServer server = SmtpScript.builder()
 *         .withoutPipelining()
 *         .onRecipient("gone@example.com", Response.reply(550, "5.1.1", "no such user"))
 *         .start()) {
 *     // point the client at server.address() ...
 *     ReceivedMessage message = server.awaitMessages(1, Duration.ofSeconds(5)).get(0);
 *     assertThat(server.sessions().get(0).verbs()).containsExactly("EHLO", "MAIL", "RCPT", "RCPT", "DATA", "QUIT");
 * }
 * }</pre>
 *
 * <p>Each connection runs on its own thread. Message data is un-stuffed with a line starting after every LF, as
 * Postfix does, and {@code CRLF.CRLF} (also {@code LF.LF}) ends it. Replies are sent when no more input is waiting,
 * so {@link ReceivedCommand#repliesSentBefore()} shows which commands were pipelined. All methods are thread-safe;
 * {@link #close()} stops the server and ends every connection.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final SmtpScript script;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object lock = new Object();
    private final List<ScriptedSession> sessions = new ArrayList<>();
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private int ended;

    private ScriptedSmtpServer(SmtpScript script, ServerSocket listener) {
        this.script = script;
        this.listener = listener;
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "scripted-smtp-" + listener.getLocalPort());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
    }

    /** A well-behaved server with the default script. */
    public static ScriptedSmtpServer start() {
        return start(SmtpScript.builder().build());
    }

    /** A server with this script on a free port. */
    public static ScriptedSmtpServer start(SmtpScript script) {
        return start(script, 0);
    }

    /** A server with this script on the given port of 127.0.0.1 (0: a free one). */
    public static ScriptedSmtpServer start(SmtpScript script, int port) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            if (script.receiveBufferSize() > 0) {
                listener.setReceiveBufferSize(script.receiveBufferSize()); // inherited by accepted sockets
            }
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new ScriptedSmtpServer(script, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Closes this server and starts a new one, with fresh records, on the same port: a next hop restarting. */
    public ScriptedSmtpServer restart() {
        close();
        return start(script, port());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Where to connect: {@code 127.0.0.1:port}. */
    public HostPort address() {
        return new HostPort("127.0.0.1", port());
    }

    public SmtpScript script() {
        return script;
    }

    public int connectionsAccepted() {
        synchronized (lock) {
            return sessions.size();
        }
    }

    public int connectionsClosed() {
        synchronized (lock) {
            return ended;
        }
    }

    /** Snapshots of every connection so far, in order of acceptance. */
    public List<RecordedSession> sessions() {
        List<ScriptedSession> copy;
        synchronized (lock) {
            copy = List.copyOf(sessions);
        }
        return copy.stream().map(ScriptedSession::snapshot).toList();
    }

    /** Bytes read from all connections so far, commands and data; cheap to call often. */
    public long bytesReceived() {
        List<ScriptedSession> copy;
        synchronized (lock) {
            copy = List.copyOf(sessions);
        }
        return copy.stream().mapToLong(ScriptedSession::bytesReceived).sum();
    }

    /** Every message whose data was received, accepted or not, in order. */
    public List<ReceivedMessage> messages() {
        synchronized (lock) {
            return List.copyOf(messages);
        }
    }

    /** Waits until at least {@code count} messages were received; fails the test if they do not come in time. */
    public List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        await(() -> messages.size(), count, timeout, "messages");
        return messages();
    }

    /** Waits until at least {@code count} connections have ended; fails the test if they do not in time. */
    public void awaitConnectionsClosed(int count, Duration timeout) {
        await(() -> ended, count, timeout, "closed connections");
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        List<ScriptedSession> open;
        synchronized (lock) {
            open = List.copyOf(sessions);
        }
        open.forEach(ScriptedSession::close);
        threads.shutdownNow();
        try {
            threads.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void sessionEnded() {
        synchronized (lock) {
            ended++;
            lock.notifyAll();
        }
    }

    void messageReceived(ReceivedMessage message) {
        synchronized (lock) {
            messages.add(message);
            lock.notifyAll();
        }
    }

    /** Blocks a stalled session until the server closes. */
    void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                synchronized (lock) {
                    ScriptedSession session = new ScriptedSession(sessions.size(), socket, script, this);
                    sessions.add(session);
                    start(session);
                }
            } catch (IOException e) {
                // closed, or a connection that failed at once
            }
        }
    }

    private void start(ScriptedSession session) {
        try {
            threads.execute(session);
        } catch (RejectedExecutionException closed) {
            session.close();
        }
    }

    private void await(IntSupplier current, int count, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (current.getAsInt() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + what + " within " + timeout
                            + ", saw " + current.getAsInt());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }
    }
}
