package com.postwarden.policies.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The relay client to the next hop.
 *
 * @param tls                 STARTTLS use
 * @param trustedCertificates PEM file of CA certificates that verify the next hop with {@code tls: required};
 *                            the JDK's trust store when absent
 * @param connectTimeout      time to establish the TCP connection and receive the greeting
 * @param commandTimeout      time to wait for a reply to a command
 * @param dataTimeout         time to wait for the reply after the end of the message data
 * @param maxIdleConnections  connections kept open for reuse
 * @param idleTimeout         how long an unused connection is kept
 */
public record OutboundSettings(TlsMode tls, Optional<Path> trustedCertificates, Duration connectTimeout,
                               Duration commandTimeout, Duration dataTimeout, int maxIdleConnections,
                               Duration idleTimeout) {
}
