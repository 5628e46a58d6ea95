package com.postwarden.scan.external;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** One connection to an ICAP server with its read buffer, which must live as long as the connection. */
final class IcapConnection {

    private static final int READ_BUFFER = 16 << 10;

    final TimedChannel channel;
    final InputStream in;
    final boolean reused;
    Instant idleSince;

    private IcapConnection(TimedChannel channel, InputStream in, boolean reused) {
        this.channel = channel;
        this.in = in;
        this.reused = reused;
    }

    static IcapConnection fresh(TimedChannel channel) {
        return new IcapConnection(channel, new BufferedInputStream(channel.inputStream(), READ_BUFFER), false);
    }

    /** The same connection handed out again from the pool. */
    IcapConnection reuse() {
        return new IcapConnection(channel, in, true);
    }

    /** Whether the server has neither closed the connection nor sent anything unasked since the last reply. */
    boolean quiet() {
        try {
            return in.available() == 0 && !channel.peerSpoke();
        } catch (IOException e) {
            return false;
        }
    }

    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
