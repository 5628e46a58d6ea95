package com.postwarden.smtp.listener;

import com.postwarden.smtp.transaction.ForwardedClient;

/** What the gateway remembers about one open session beyond SubEtha's own state. Used by its session thread. */
final class SessionState {
    private final boolean trusted;
    private boolean esmtp;
    private ForwardedClient forwarded = ForwardedClient.NONE;
    private volatile long lastActivityNanos = System.nanoTime();

    SessionState(boolean trusted) {
        this.trusted = trusted;
    }

    /** Whether the client's address is in the trusted networks (may relay anywhere, may XFORWARD). */
    boolean trusted() {
        return trusted;
    }

    boolean esmtp() {
        return esmtp;
    }

    void esmtp(boolean value) {
        esmtp = value;
    }

    ForwardedClient forwarded() {
        return forwarded;
    }

    void forwarded(ForwardedClient value) {
        forwarded = value;
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    /** Time since the last command started or ended. */
    java.time.Duration idle() {
        return java.time.Duration.ofNanos(System.nanoTime() - lastActivityNanos);
    }
}
