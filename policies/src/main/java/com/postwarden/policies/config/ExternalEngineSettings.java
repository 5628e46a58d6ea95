package com.postwarden.policies.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An external scan engine consulted beside the built-in one for every attachment.
 *
 * @param name        how logs and headers name it, unique among the engines
 * @param type        the protocol spoken
 * @param tcp         clamd over TCP: where it listens (exactly one of {@code tcp}, {@code socket}, {@code url})
 * @param socket      clamd over a Unix socket: its path
 * @param url         ICAP: the service, {@code icap://host[:port]/service}
 * @param mode        whether mail waits for this engine
 * @param timeout     bound on each step of one scan (connect, send, reply)
 * @param maxSize     the largest object sent; larger ones count as not scanned by this engine, never as clean
 * @param connections the most connections open to the engine at once
 */
public record ExternalEngineSettings(String name, Type type, Optional<HostPort> tcp, Optional<Path> socket,
                                     Optional<URI> url, Mode mode, Duration timeout, DataSize maxSize,
                                     int connections) {
    public ExternalEngineSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxSize, "maxSize");
    }

    public enum Type {
        /** ClamAV's daemon, {@code INSTREAM}. */
        CLAMD,
        /** Any ICAP antivirus service (RFC 3507 {@code RESPMOD}). */
        ICAP
    }

    public enum Mode {
        /** Unreachable, failing or skipped for size: the message is answered 451 and the upstream retries. */
        REQUIRED,
        /** Unreachable, failing or skipped for size: logged, counted and named in a header; mail flows on. */
        OPTIONAL
    }
}
