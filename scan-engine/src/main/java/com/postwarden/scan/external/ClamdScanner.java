package com.postwarden.scan.external;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Scans objects with a clamd over its {@code INSTREAM} command (TCP or Unix socket): {@code zINSTREAM\0}, then
 * chunks each prefixed by its length as a 4-byte big-endian integer, then a zero length; clamd answers one
 * NUL-terminated line.
 *
 * <p>One connection per scan: clamd handles one command per connection unless a session is opened, and a
 * loopback connect costs far less than the scan, so there is no pool and no stale connection to recover from.
 *
 * <p>clamd stops reading and replies {@code INSTREAM size limit exceeded. ERROR} as soon as the stream passes
 * its {@code StreamMaxLength}, then closes the connection. The client therefore watches for a reply while it
 * writes, stops sending when one arrives, and after a failed write still reads whatever reply is buffered, so
 * the object is reported {@link ExternalResult.NotScanned} rather than failed by a broken pipe.
 *
 * <p>Thread-safe; see {@link ExternalScanner} for the contract.
 */
public final class ClamdScanner implements ExternalScanner {

    private static final byte[] INSTREAM = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = "zVERSION\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_STREAM = new byte[4];
    private static final int MAX_REPLY = 4096;
    private static final int LENGTH_PREFIX = 4;

    private final ClamdSettings settings;
    private volatile boolean closed;

    public ClamdScanner(ClamdSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return "clamd";
    }

    /** The settings this scanner was built with. */
    public ClamdSettings settings() {
        return settings;
    }

    @Override
    public ExternalResult scan(InputStream content, long size) {
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        if (closed) {
            return new ExternalResult.Failed("clamd: scanner closed");
        }
        if (size > settings.maxSize()) {
            return new ExternalResult.NotScanned(
                    "clamd: object of " + size + " bytes exceeds maxSize " + settings.maxSize());
        }
        try (TimedChannel channel = connect()) {
            return instream(channel, content, size);
        } catch (ObjectReadException e) {
            return new ExternalResult.Failed("clamd: " + e.getMessage());
        } catch (IOException e) {
            return new ExternalResult.Failed("clamd at " + settings.address() + ": " + describe(e));
        }
    }

    @Override
    public EngineHealth health() {
        if (closed) {
            return new EngineHealth.Unavailable("clamd: scanner closed");
        }
        try (TimedChannel channel = connect()) {
            channel.writeFully(ByteBuffer.wrap(VERSION));
            return new EngineHealth.Available(ClamdReply.quote(readReply(channel, settings.ioTimeout().toMillis())));
        } catch (IOException e) {
            return new EngineHealth.Unavailable("clamd at " + settings.address() + ": " + describe(e));
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private TimedChannel connect() throws IOException {
        return TimedChannel.connect(settings.address(), settings.connectTimeout(), settings.ioTimeout());
    }

    private ExternalResult instream(TimedChannel channel, InputStream content, long size) throws IOException {
        channel.writeFully(ByteBuffer.wrap(INSTREAM));
        boolean wholeObjectSent;
        try {
            wholeObjectSent = sendChunks(channel, content, size);
        } catch (ObjectReadException | SocketTimeoutException e) {
            throw e;
        } catch (IOException writeFailed) {
            // clamd may have answered (size limit) and closed while we wrote: its reply is still readable
            try {
                return ClamdReply.parse(readReply(channel, settings.ioTimeout().toMillis()), false);
            } catch (IOException noReply) {
                writeFailed.addSuppressed(noReply);
                throw writeFailed;
            }
        }
        long wait = (wholeObjectSent ? settings.verdictTimeout() : settings.ioTimeout()).toMillis();
        return ClamdReply.parse(readReply(channel, wait), wholeObjectSent);
    }

    /** Sends the object in chunks; {@code false} if clamd replied before the terminating zero chunk was sent. */
    private boolean sendChunks(TimedChannel channel, InputStream content, long size) throws IOException {
        byte[] chunk = new byte[LENGTH_PREFIX + (int) Math.min(settings.chunkSize(), Math.max(size, 1))];
        int capacity = chunk.length - LENGTH_PREFIX;
        long left = size;
        while (left > 0) {
            int n = readFully(content, chunk, (int) Math.min(capacity, left), size - left, size);
            ByteBuffer.wrap(chunk, 0, LENGTH_PREFIX).putInt(n);
            if (!channel.writeUnlessPeerSpoke(ByteBuffer.wrap(chunk, 0, LENGTH_PREFIX + n))) {
                return false;
            }
            left -= n;
        }
        return channel.writeUnlessPeerSpoke(ByteBuffer.wrap(END_OF_STREAM));
    }

    private static int readFully(InputStream content, byte[] chunk, int want, long offset, long size)
            throws ObjectReadException {
        int got = 0;
        try {
            while (got < want) {
                int n = content.read(chunk, LENGTH_PREFIX + got, want - got);
                if (n < 0) {
                    throw new ObjectReadException("object ended after " + (offset + got) + " of " + size + " bytes");
                }
                got += n;
            }
        } catch (ObjectReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ObjectReadException("reading the object failed at byte " + (offset + got) + ": " + e.getMessage());
        }
        return got;
    }

    /** Reads one NUL-terminated reply; the whole reply must arrive within {@code timeoutMillis}. */
    private static String readReply(TimedChannel channel, long timeoutMillis) throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(MAX_REPLY);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (reply.hasRemaining()) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            int start = reply.position();
            if (channel.read(reply, left) < 0) {
                break;
            }
            for (int i = start; i < reply.position(); i++) {
                if (reply.get(i) == 0) {
                    return new String(reply.array(), 0, i, StandardCharsets.UTF_8);
                }
            }
        }
        if (reply.position() == 0) {
            throw new IOException("connection closed without a reply");
        }
        // no NUL: clamd closed after an unterminated line, or sent more than any reply holds
        return new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The object to scan could not be read: a fault on our side, not the engine's. */
    private static final class ObjectReadException extends IOException {
        private static final long serialVersionUID = 1L;

        ObjectReadException(String message) {
            super(message);
        }
    }
}
