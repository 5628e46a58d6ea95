package com.postwarden.cli.spam;

import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.spam.bayes.CorpusTotals;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code postwarden spam stats}: what the classifier learned, and whether it scores mail yet. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Show what the classifier learned.")
public final class SpamStatsCommand extends SpamSubcommand {
    public SpamStatsCommand() {
        this(System.out, System.err);
    }

    SpamStatsCommand(PrintStream out, PrintStream err) {
        super("stats", out, err);
    }

    @Override
    int run(GatewayConfig gateway) {
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
            error(e.getMessage());
            return EXIT_ERROR;
        }
    }
}
