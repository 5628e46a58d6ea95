package com.postwarden.spam.bayes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * Splits an mbox stream into messages: a line starting with {@code "From "} begins a message (the line itself is
 * not part of it); {@code >From } lines, with any number of {@code >}, lose one {@code >} (mboxrd, which also
 * reads mboxo files correctly except for lines that really began with {@code >From}); the blank line that
 * separates messages is removed. A last message cut short is returned as it is. A message beyond
 * {@code maxMessageBytes} is reported as {@link MailItem.Unreadable} and skipped, never held whole.
 *
 * <p>Hand-written: Mime4J's mbox iterator maps the whole file into memory, decodes it as characters and does not
 * undo the {@code >From} escaping; reading bytes line by line keeps the messages byte-exact and the memory bounded.
 */
final class MboxReader implements MailSource {
    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private final InputStream in;
    private final String name;
    private final long maxMessageBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
    private boolean inMessage;
    private boolean oversized;
    private boolean eof;
    private int number;

    /** @param in buffered by the caller */
    MboxReader(InputStream in, String name, long maxMessageBytes) {
        this.in = in;
        this.name = name;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public Optional<MailItem> next() throws IOException {
        while (!eof) {
            boolean complete = readLine();
            byte[] l = line.toByteArray();
            if (l.length == 0 && !complete) {
                eof = true;
                break;
            }
            if (complete && startsWith(l, 0, FROM)) {
                Optional<MailItem> done = finish();
                inMessage = true;
                if (done.isPresent()) {
                    return done;
                }
                continue;
            }
            if (!inMessage) {
                // text before the first separator is not a message of the box
                continue;
            }
            append(unescape(l));
            if (!complete) {
                eof = true;
            }
        }
        Optional<MailItem> last = finish();
        inMessage = false;
        return last;
    }

    /** The entry collected so far, if a message was open; resets for the next. */
    private Optional<MailItem> finish() {
        if (!inMessage) {
            return Optional.empty();
        }
        number++;
        String origin = name + "#" + number;
        if (oversized) {
            oversized = false;
            message = new ByteArrayOutputStream(8192);
            return Optional.of(new MailItem.Unreadable(origin, "larger than " + maxMessageBytes + " bytes"));
        }
        byte[] raw = message.toByteArray();
        message.reset();
        return Optional.of(new MailItem.Message(origin, trimSeparatorLine(raw)));
    }

    private void append(byte[] bytes) {
        if (oversized) {
            return;
        }
        if (message.size() + (long) bytes.length > maxMessageBytes) {
            oversized = true;
            message = new ByteArrayOutputStream(0);
            return;
        }
        message.write(bytes, 0, bytes.length);
    }

    /** Reads one line with its terminator into {@code line}; false when the stream ended before a newline. */
    private boolean readLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            if (line.size() <= maxMessageBytes) {
                line.write(b);
            } else if (inMessage) {
                oversized = true;
            }
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    private static byte[] unescape(byte[] l) {
        int i = 0;
        while (i < l.length && l[i] == '>') {
            i++;
        }
        return i > 0 && startsWith(l, i, FROM) ? Arrays.copyOfRange(l, 1, l.length) : l;
    }

    /** Drops the one empty line that mbox puts between a message and the next separator. */
    private static byte[] trimSeparatorLine(byte[] raw) {
        int n = raw.length;
        if (n >= 4 && raw[n - 1] == '\n' && raw[n - 2] == '\r' && raw[n - 3] == '\n' && raw[n - 4] == '\r') {
            return Arrays.copyOf(raw, n - 2);
        }
        if (n >= 2 && raw[n - 1] == '\n' && raw[n - 2] == '\n') {
            return Arrays.copyOf(raw, n - 1);
        }
        return raw;
    }

    private static boolean startsWith(byte[] l, int offset, byte[] prefix) {
        if (l.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (l[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
