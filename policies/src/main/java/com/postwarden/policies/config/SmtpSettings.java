package com.postwarden.policies.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The inbound SMTP listener: where it listens, whom it relays for and the limits it enforces on the stream.
 *
 * @param listen                  address and port of the listener
 * @param hostname                name in the greeting, EHLO reply and {@code Received:} header
 * @param nextHop                 where accepted mail is relayed
 * @param trustedNetworks         clients that may relay to any domain, send XFORWARD and are not limited per IP
 * @param relayDomains            recipient domains accepted from anyone (subdomains are not implied)
 * @param maxMessageSize          largest message accepted, advertised in EHLO {@code SIZE}
 * @param maxRecipients           most recipients in one transaction
 * @param maxLineLength           longest line in the message, CRLF excluded
 * @param maxHeaderSize           largest header section
 * @param maxConnections          most simultaneous connections
 * @param maxConnectionsPerClient most simultaneous connections from one untrusted IP address
 * @param commandTimeout          idle time allowed between commands
 * @param dataTimeout             idle time allowed while receiving message data
 * @param memorySpoolThreshold    messages up to this size stay in memory; larger ones go to the spool directory
 * @param tls                     certificate for STARTTLS, when configured
 */
public record SmtpSettings(HostPort listen, String hostname, HostPort nextHop, NetworkList trustedNetworks,
                           List<String> relayDomains, DataSize maxMessageSize, int maxRecipients,
                           int maxLineLength, DataSize maxHeaderSize, int maxConnections,
                           int maxConnectionsPerClient, Duration commandTimeout, Duration dataTimeout,
                           DataSize memorySpoolThreshold, Optional<InboundTls> tls) {
    public SmtpSettings {
        relayDomains = relayDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether mail to {@code domain} is accepted from any client. */
    public boolean isRelayDomain(String domain) {
        return relayDomains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
