package com.postwarden.smtp.relay;

import com.postwarden.policies.config.OutboundSettings;
import com.postwarden.policies.config.TlsMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@link OutboundSettings} for tests: plain text, short timeouts, a small pool; change what a test is about. */
final class TestOutbound {
    private TlsMode tls = TlsMode.OFF;
    private Optional<Path> trusted = Optional.empty();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration commandTimeout = Duration.ofSeconds(10);
    private Duration dataTimeout = Duration.ofSeconds(20);
    private int maxIdleConnections = 4;
    private Duration idleTimeout = Duration.ofMinutes(5);

    private TestOutbound() {
    }

    static TestOutbound settings() {
        return new TestOutbound();
    }

    TestOutbound tls(TlsMode value) {
        tls = value;
        return this;
    }

    TestOutbound trusting(Path pem) {
        trusted = Optional.of(pem);
        return this;
    }

    TestOutbound connectTimeout(Duration value) {
        connectTimeout = value;
        return this;
    }

    TestOutbound commandTimeout(Duration value) {
        commandTimeout = value;
        return this;
    }

    TestOutbound dataTimeout(Duration value) {
        dataTimeout = value;
        return this;
    }

    TestOutbound maxIdleConnections(int value) {
        maxIdleConnections = value;
        return this;
    }

    TestOutbound idleTimeout(Duration value) {
        idleTimeout = value;
        return this;
    }

    OutboundSettings build() {
        return new OutboundSettings(tls, trusted, connectTimeout, commandTimeout, dataTimeout, maxIdleConnections,
                idleTimeout);
    }
}
