package com.postwarden.spam;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SMTP session said about a message, for sender authentication: the client that delivered it (the
 * original client when a trusted relay forwarded it with XFORWARD), its HELO name, and the envelope addresses.
 * Empty for a message read from a file.
 *
 * @param mailFrom the reverse path without angle brackets; empty for the null sender
 */
public record Envelope(Optional<InetAddress> client, Optional<String> helo, String mailFrom, List<String> recipients) {
    public static final Envelope NONE = new Envelope(Optional.empty(), Optional.empty(), "", List.of());

    public Envelope {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(helo, "helo");
        Objects.requireNonNull(mailFrom, "mailFrom");
        recipients = List.copyOf(recipients);
    }
}
