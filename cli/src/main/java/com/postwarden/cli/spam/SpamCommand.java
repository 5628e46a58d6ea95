package com.postwarden.cli.spam;

import picocli.CommandLine.Command;

/** {@code postwarden spam}: score messages, teach the classifier, show what it learned. */
@Command(name = "spam", mixinStandardHelpOptions = true,
        description = "Spam scoring: score messages, teach the classifier, show its counts.",
        subcommands = {SpamScoreCommand.class, SpamLearnCommand.class, SpamStatsCommand.class})
public final class SpamCommand {
}
