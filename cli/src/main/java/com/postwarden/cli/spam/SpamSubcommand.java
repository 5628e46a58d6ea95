package com.postwarden.cli.spam;

import com.postwarden.cli.ConfigOption;
import com.postwarden.policies.config.ConfigException;
import com.postwarden.policies.config.ConfigLoader;
import com.postwarden.policies.config.GatewayConfig;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** What the {@code postwarden spam} commands share: their output streams and the configuration they read. */
abstract class SpamSubcommand implements Callable<Integer> {
    static final int EXIT_ERROR = 2;

    @Mixin
    ConfigOption config;

    final PrintStream out;
    final PrintStream err;
    private final String name;

    SpamSubcommand(String name, PrintStream out, PrintStream err) {
        this.name = name;
        this.out = out;
        this.err = err;
    }

    /** Runs the command with the configuration, or exits 2 after printing why the configuration does not load. */
    @Override
    public final Integer call() {
        GatewayConfig gateway;
        try {
            gateway = new ConfigLoader().load(config.file());
        } catch (ConfigException e) {
            error("configuration error: " + e.getMessage());
            return EXIT_ERROR;
        }
        return run(gateway);
    }

    /** The command itself; returns the exit status. */
    abstract int run(GatewayConfig gateway);

    void error(String message) {
        err.println("postwarden spam " + name + ": " + message);
    }
}
