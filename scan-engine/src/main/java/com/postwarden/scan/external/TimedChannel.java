package com.postwarden.scan.external;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A TCP or Unix-domain socket connection whose every blocking step is bounded: connect by the connect
 * timeout, each wait for the peer to accept or deliver bytes by the I/O timeout (or a longer one the caller
 * names). Built on a non-blocking {@link SocketChannel} with its own {@link Selector}, because a blocking
 * channel ignores {@code SO_TIMEOUT} and Unix-domain sockets exist only as channels.
 *
 * <p>While writing, the connection watches for bytes from the peer: a server that answers early (clamd's
 * "size limit exceeded") and closes would otherwise turn its reply into a broken pipe on our side. Such bytes
 * are kept and returned by the next read.
 *
 * <p>Not thread-safe: one connection serves one exchange at a time.
 */
final class TimedChannel implements Closeable {

    private static final int EARLY_REPLY_BUFFER = 4096;

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long ioTimeoutMillis;
    private final ByteBuffer early = ByteBuffer.allocate(EARLY_REPLY_BUFFER).flip();
    private final SocketAddress address;
    private boolean peerClosed;
    private long streamTimeoutMillis;

    private TimedChannel(SocketChannel channel, Selector selector, SelectionKey key, long ioTimeoutMillis,
            SocketAddress address) {
        this.channel = channel;
        this.selector = selector;
        this.key = key;
        this.ioTimeoutMillis = ioTimeoutMillis;
        this.address = address;
        this.streamTimeoutMillis = ioTimeoutMillis;
    }

    /** Connects within {@code connectTimeout}; later waits for the peer are bounded by {@code ioTimeout}. */
    static TimedChannel connect(SocketAddress address, Duration connectTimeout, Duration ioTimeout)
            throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open();
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            if (!(address instanceof UnixDomainSocketAddress)) {
                // requests go out in a few writes (ICAP headers, preview, the rest after 100 Continue): without
                // this, Nagle's algorithm holds the last small write for the server's delayed ACK, ~40 ms a scan
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            selector = Selector.open();
            SelectionKey key = channel.register(selector, 0);
            TimedChannel timed = new TimedChannel(channel, selector, key, ioTimeout.toMillis(), address);
            if (!channel.connect(address)) {
                timed.finishConnect(connectTimeout.toMillis());
            }
            return timed;
        } catch (IOException | RuntimeException e) {
            if (selector != null) {
                selector.close();
            }
            channel.close();
            throw e;
        }
    }

    private void finishConnect(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!channel.finishConnect()) {
            long left = millisLeft(deadline);
            if (left <= 0 || await(SelectionKey.OP_CONNECT, left) == 0) {
                throw new SocketTimeoutException("connect to " + address + " timed out after " + timeoutMillis + " ms");
            }
        }
    }

    /** The address this channel is connected to. */
    SocketAddress address() {
        return address;
    }

    /** Writes all of {@code src}; fails with {@link SocketTimeoutException} if the peer takes nothing for the I/O timeout. */
    void writeFully(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            if (channel.write(src) == 0 && await(SelectionKey.OP_WRITE, ioTimeoutMillis) == 0) {
                throw stalled("write", ioTimeoutMillis);
            }
        }
    }

    /**
     * Writes {@code src} unless the peer speaks first: returns {@code false}, with part of {@code src} unwritten,
     * as soon as bytes (or the end of the stream) arrive from the peer; they are kept for {@link #read}.
     */
    boolean writeUnlessPeerSpoke(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            if (peerSpoke()) {
                return false;
            }
            if (channel.write(src) == 0
                    && await(SelectionKey.OP_WRITE | SelectionKey.OP_READ, ioTimeoutMillis) == 0) {
                throw stalled("write", ioTimeoutMillis);
            }
        }
        return true;
    }

    /** Whether the peer has sent bytes or closed its side; never blocks. */
    boolean peerSpoke() throws IOException {
        if (early.hasRemaining() || peerClosed) {
            return true;
        }
        early.clear();
        int n;
        try {
            n = channel.read(early);
        } finally {
            early.flip();
        }
        if (n < 0) {
            peerClosed = true;
        }
        return n != 0;
    }

    /** Reads at least one byte within the I/O timeout; -1 at the end of the stream. */
    int read(ByteBuffer dst) throws IOException {
        return read(dst, ioTimeoutMillis);
    }

    /** Reads at least one byte within {@code timeoutMillis}; -1 at the end of the stream. */
    int read(ByteBuffer dst, long timeoutMillis) throws IOException {
        if (early.hasRemaining()) {
            int n = Math.min(early.remaining(), dst.remaining());
            ByteBuffer slice = early.slice().limit(n);
            dst.put(slice);
            early.position(early.position() + n);
            return n;
        }
        if (peerClosed) {
            return -1;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int n = channel.read(dst);
            if (n != 0) {
                return n;
            }
            long left = millisLeft(deadline);
            if (left <= 0 || await(SelectionKey.OP_READ, left) == 0) {
                throw stalled("read", timeoutMillis);
            }
        }
    }

    /** Sets how long each read of {@link #inputStream()} may wait; the I/O timeout until set. */
    void streamTimeout(long millis) {
        streamTimeoutMillis = millis;
    }

    /** A view for parsers: each {@code read} waits at most the stream timeout. Closing it closes nothing. */
    InputStream inputStream() {
        return new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                return TimedChannel.this.read(ByteBuffer.wrap(b, off, len), streamTimeoutMillis);
            }
        };
    }

    /** Whole milliseconds until {@code deadline}, rounded up so that no wait ends before it; 0 once it passed. */
    private static long millisLeft(long deadline) {
        long nanos = deadline - System.nanoTime();
        return nanos <= 0 ? 0 : (nanos + 999_999L) / 1_000_000L;
    }

    private int await(int ops, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        key.interestOps(ops);
        try {
            while (true) {
                selector.selectedKeys().clear();
                long left = millisLeft(deadline);
                if (left <= 0) {
                    return 0;
                }
                if (selector.select(left) > 0) {
                    return key.readyOps();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedIOException("interrupted while waiting for " + address);
                }
            }
        } finally {
            if (key.isValid()) {
                key.interestOps(0);
            }
        }
    }

    private SocketTimeoutException stalled(String step, long millis) {
        return new SocketTimeoutException(step + " on " + address + " stalled for " + millis + " ms");
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
