package com.postwarden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Any text either loads or fails with a {@link ConfigException} that names the file; nothing else escapes.
 * A normal build replays the committed seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ConfigLoaderFuzzTest {
    private final ConfigLoader loader = new ConfigLoader();

    @FuzzTest(maxDuration = "60s")
    void anyTextLoadsOrFailsWithALocatedError(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            GatewayConfig config = loader.parse("fuzz.yaml", Path.of("fuzz.yaml"), text);
            assertThat(config.smtp().maxMessageSize().bytes()).isPositive();
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith("fuzz.yaml");
        }
    }
}
