package com.postwarden.scan.external;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One {@code RESPMOD} on one connection (RFC 3507 section 4.8): the object goes as the body of an encapsulated
 * HTTP response ({@code Encapsulated: res-hdr=0, res-body=N}), chunked; with a preview when the service takes
 * one ({@code 0; ieof} when the whole object fits in it), the rest only after {@code 100 Continue}.
 *
 * <p>Records whether any byte beyond the in-memory preview was taken from the object: until then the exchange
 * can be repeated on another connection.
 */
final class IcapExchange {

    private static final int CHUNK = 64 << 10;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_CHUNK_IEOF = "0; ieof\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long BODY_SLACK = 1L << 20;

    private final IcapSettings settings;
    private final IcapConnection connection;
    private final MessageDigest sent = Sha256.newDigest();
    private boolean restTouched;
    private boolean wholeSent;
    private boolean reusable;

    IcapExchange(IcapSettings settings, IcapConnection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /**
     * Sends the object and returns the final reply.
     *
     * @param preview the first bytes of the object, already read; {@code null} when the service takes no preview
     */
    IcapResponse run(byte[] preview, InputStream rest, long size) throws IOException {
        TimedChannel channel = connection.channel;
        IcapResponseReader reader = new IcapResponseReader(connection.in, Math.max(size, 0) + BODY_SLACK);
        ByteBuffer head = ByteBuffer.wrap(head(preview, size));
        channel.writeFully(head);
        IcapResponse reply;
        if (preview != null) {
            sent.update(preview);
            boolean ieof = preview.length == size;
            channel.writeFully(ByteBuffer.wrap(chunk(preview, preview.length)));
            channel.writeFully(ByteBuffer.wrap(ieof ? LAST_CHUNK_IEOF : LAST_CHUNK));
            wholeSent = ieof;
            channel.streamTimeout(settings.verdictTimeout().toMillis());
            reply = reader.read();
            if (reply.status() == 100 && !ieof) {
                sendBody(rest, size - preview.length);
                reply = finalReply(reader);
            }
        } else {
            sendBody(rest, size);
            reply = finalReply(reader);
        }
        if (reply.status() == 100) {
            throw new IOException("unexpected 100 Continue");
        }
        reusable = reply.keepAlive() && (wholeSent || preview != null && !restTouched);
        return reply;
    }

    private IcapResponse finalReply(IcapResponseReader reader) throws IOException {
        connection.channel.streamTimeout(settings.verdictTimeout().toMillis());
        return reader.read();
    }

    private void sendBody(InputStream rest, long length) throws IOException {
        restTouched = true;
        byte[] data = new byte[(int) Math.min(CHUNK, Math.max(length, 1))];
        long left = length;
        while (left > 0) {
            int n = ObjectReader.readFully(rest, data, (int) Math.min(data.length, left));
            sent.update(data, 0, n);
            if (!connection.channel.writeUnlessPeerSpoke(ByteBuffer.wrap(chunk(data, n)))) {
                return;
            }
            left -= n;
        }
        wholeSent = connection.channel.writeUnlessPeerSpoke(ByteBuffer.wrap(LAST_CHUNK));
    }

    private byte[] head(byte[] preview, long size) {
        String http = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + size + "\r\n\r\n";
        String icap = "RESPMOD " + settings.service() + " ICAP/1.0\r\n"
                + "Host: " + settings.hostHeader() + "\r\n"
                + "Allow: 204\r\n"
                + (preview != null ? "Preview: " + preview.length + "\r\n" : "")
                + "Encapsulated: res-hdr=0, res-body=" + http.length() + "\r\n\r\n";
        return (icap + http).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] chunk(byte[] data, int length) {
        if (length == 0) {
            return new byte[0];
        }
        byte[] prefix = (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + length + CRLF.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(data, 0, out, prefix.length, length);
        System.arraycopy(CRLF, 0, out, prefix.length + length, CRLF.length);
        return out;
    }

    /** Whether bytes beyond the preview were taken from the object (the exchange cannot be repeated). */
    boolean restTouched() {
        return restTouched;
    }

    /** Whether every byte of the object and the terminating chunk were sent. */
    boolean wholeSent() {
        return wholeSent;
    }

    /** Whether the connection is in a state to carry the next request. */
    boolean reusable() {
        return reusable;
    }

    /** SHA-256 of the bytes sent; call once, after {@link #run}. */
    byte[] sentSha256() {
        return sent.digest();
    }
}
