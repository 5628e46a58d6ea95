package com.postwarden.smtp.relay;

import com.postwarden.policies.config.HostPort;
import com.postwarden.smtp.reply.SmtpReply;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The replies the relay client makes up itself, when the next hop gave none that applies. The one place where
 * they are written, so that each condition maps to one code (RFC 3463 enhanced codes):
 * our own and the network's trouble is always temporary ({@code 451}), so the upstream MTA keeps the message.
 * The one permanent reply is a message larger than the limit the next hop declared (RFC 1870).
 */
final class RelayReplies {
    private static final int MAX_DETAIL = 200;

    private RelayReplies() {
    }

    static SmtpReply unreachable(HostPort hop, String reason) {
        return SmtpReply.of(451, "4.4.1", "next hop " + hop + " unreachable: " + brief(reason));
    }

    static SmtpReply hostNotFound(HostPort hop) {
        return SmtpReply.of(451, "4.4.3", "next hop " + hop + " unreachable: host not found");
    }

    static SmtpReply timedOut(HostPort hop, String awaiting, Duration after) {
        return SmtpReply.of(451, "4.4.2", "next hop " + hop + " timed out after " + format(after)
                + " waiting for " + awaiting);
    }

    static SmtpReply writeTimedOut(HostPort hop, String detail) {
        return SmtpReply.of(451, "4.4.2", "next hop " + hop + " timed out: " + brief(detail));
    }

    static SmtpReply connectionLost(HostPort hop, String reason) {
        return SmtpReply.of(451, "4.4.2", "lost connection with next hop " + hop + ": " + brief(reason));
    }

    static SmtpReply malformedReply(HostPort hop) {
        return SmtpReply.of(451, "4.5.0", "next hop " + hop + " sent a malformed reply");
    }

    static SmtpReply sessionRefused(HostPort hop, SmtpReply peer) {
        return SmtpReply.of(451, "4.3.0", "next hop " + hop + " refused the session: " + brief(peer.toString()));
    }

    static SmtpReply tlsNotOffered(HostPort hop) {
        return SmtpReply.of(451, "4.7.5", "next hop " + hop + " does not offer STARTTLS, which is required");
    }

    static SmtpReply tlsRefused(HostPort hop, SmtpReply peer) {
        return SmtpReply.of(451, "4.7.5", "next hop " + hop + " refused STARTTLS: " + brief(peer.toString()));
    }

    static SmtpReply tlsFailed(HostPort hop) {
        return SmtpReply.of(451, "4.7.5", "TLS with next hop " + hop + " failed");
    }

    static SmtpReply localReadError() {
        return SmtpReply.of(451, "4.3.0", "local error reading the message");
    }

    static SmtpReply messageTooBig(HostPort hop, long size, long limit) {
        return SmtpReply.of(552, "5.3.4", "message size " + size + " exceeds the limit " + limit
                + " of next hop " + hop);
    }

    /** The reply for a failed attempt, chosen by what failed. */
    static SmtpReply forFailure(HostPort hop, IOException failure) {
        if (failure instanceof RelayFailure decided) {
            return decided.reply();
        } else if (failure instanceof SocketTimeoutException) {
            return writeTimedOut(hop, failure.getMessage());
        } else if (failure instanceof ProtocolException) {
            return malformedReply(hop);
        } else if (failure instanceof SSLException) {
            return tlsFailed(hop);
        } else if (failure instanceof UnknownHostException) {
            return hostNotFound(hop);
        } else if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return unreachable(hop, failure.getMessage());
        } else if (failure instanceof EOFException) {
            return connectionLost(hop, "connection closed by the next hop");
        }
        return connectionLost(hop, failure.getMessage());
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String brief(String text) {
        String value = text == null || text.isBlank() ? "I/O error" : text;
        return value.length() <= MAX_DETAIL ? value : value.substring(0, MAX_DETAIL) + "...";
    }
}
