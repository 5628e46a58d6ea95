package com.postwarden.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option every sub-command takes. The launcher passes the default:
 * {@code /etc/postwarden/postwarden.yaml} when installed, the distribution's {@code etc/postwarden.yaml} otherwise.
 */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:postwarden.defaultConfig:-etc/postwarden.yaml}")
    private Path file;

    public Path file() {
        return file;
    }
}
