package com.postwarden.cli.spam;

import com.postwarden.cli.ConfigOption;
import com.postwarden.policies.config.ConfigException;
import com.postwarden.policies.config.ConfigLoader;
import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.spam.bayes.CorpusTotals;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code postwarden spam stats}: what the classifier learned, and whether it scores mail yet. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Show what the classifier learned.")
public final class SpamStatsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    private final PrintStream out;
    private final PrintStream err;

    public SpamStatsCommand() {
        this(System.out, System.err);
    }

    SpamStatsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        GatewayConfig gateway;
        try {
            gateway = new ConfigLoader().load(config.file());
        } catch (ConfigException e) {
            err.println("postwarden spam stats: configuration error: " + e.getMessage());
            return 2;
        }
        try (TokenDatabase database = TokenDatabase.open(gateway)) {
            CorpusTotals totals = database.tokens().totals();
            int minimum = gateway.spam().bayes().minLearned();
            boolean active = gateway.spam().bayes().enabled()
                    && totals.spamMessages() >= minimum && totals.hamMessages() >= minimum;
            out.println("learned spam messages: " + totals.spamMessages());
            out.println("learned ham messages: " + totals.hamMessages());
            out.println("classifier scores mail: " + (active ? "yes"
                    : "no (needs " + minimum + " spam and " + minimum + " ham messages learned"
                            + (gateway.spam().bayes().enabled() ? ")" : "; and spam.bayes.enabled is false)")));
            return 0;
        } catch (IllegalStateException e) {
            err.println("postwarden spam stats: " + e.getMessage());
            return 2;
        }
    }
}
