package com.postwarden.policies.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The whole validated configuration of one gateway node. Immutable; a reload builds a new instance.
 *
 * @param source          the file it was read from (for messages and for files named relative to it)
 * @param smtp            the SMTP listener and its limits
 * @param outbound        the relay client to the next hop
 * @param scan            the built-in scan engine: signature database, limits, verdict cache
 * @param spam            spam scoring: rules, classifier, sender authentication, tagging
 * @param dataDir         where runtime state lives (spool, later the database and quarantine)
 * @param shutdownTimeout how long SIGTERM waits for messages in flight before closing connections
 */
public record GatewayConfig(Path source, SmtpSettings smtp, OutboundSettings outbound, ScanSettings scan,
                            SpamSettings spam, Path dataDir, Duration shutdownTimeout) {
    public GatewayConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(spam, "spam");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /** Where messages being received are spilled to disk. */
    public Path spoolDir() {
        return dataDir.resolve("spool");
    }

    /** Where the classifier's tokens and, later, the message log and quarantine are kept. */
    public Path databaseDir() {
        return dataDir.resolve("db");
    }

    /** Where large attachments are spooled while they are unpacked and scanned. */
    public Path scanTempDir() {
        return dataDir.resolve("tmp");
    }
}
