package com.postwarden.smtp.testing;

import com.postwarden.policies.config.ConfigException;
import com.postwarden.policies.config.ConfigLoader;
import com.postwarden.policies.config.GatewayConfig;
import java.nio.file.Path;

/** Builds configurations for tests from YAML text, through the same loader and validation as production. */
public final class TestConfig {
    private TestConfig() {
    }

    /** {@code smtpLines} are indented under {@code smtp:}; the listener uses port 0. */
    public static GatewayConfig smtp(String... smtpLines) {
        StringBuilder yaml = new StringBuilder("smtp:\n  listen: 127.0.0.1:0\n  hostname: gw.test\n");
        for (String line : smtpLines) {
            yaml.append("  ").append(line).append('\n');
        }
        return parse(yaml.toString());
    }

    public static GatewayConfig parse(String yaml) {
        try {
            return new ConfigLoader().parse("test.yaml", Path.of("test.yaml"), yaml);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
