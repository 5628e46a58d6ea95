package com.postwarden.cli.spam;

import com.postwarden.policies.config.GatewayConfig;
import com.postwarden.spam.Envelope;
import com.postwarden.spam.bayes.AutolearnPolicy;
import com.postwarden.spam.bayes.BayesLearner;
import com.postwarden.spam.bayes.CorpusLearner;
import com.postwarden.spam.bayes.Label;
import com.postwarden.spam.bayes.LearnOutcome;
import com.postwarden.spam.bayes.MailItem;
import com.postwarden.spam.bayes.MailSource;
import com.postwarden.spam.bayes.MailSources;
import com.postwarden.spam.bayes.Tokenizer;
import com.postwarden.spam.message.MessageReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code postwarden spam learn --spam|--ham PATH...}: teaches the classifier from message files, directories,
 * Maildir folders and mbox files. A message learned before counts once; learned as the other class, it moves.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "Teach the classifier from files, directories, Maildir folders and mbox files.")
public final class SpamLearnCommand extends SpamSubcommand {
    static final int EXIT_OK = 0;

    static final class Kind {
        @Option(names = "--spam", required = true, description = "The messages are spam.")
        boolean spam;

        @Option(names = "--ham", required = true, description = "The messages are not spam.")
        boolean ham;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories, Maildir folders, mbox files.")
    List<Path> paths = List.of();

    public SpamLearnCommand() {
        this(System.out, System.err);
    }

    SpamLearnCommand(PrintStream out, PrintStream err) {
        super("learn", out, err);
    }

    @Override
    int run(GatewayConfig gateway) {
        Label label = kind.spam ? Label.SPAM : Label.HAM;
        MessageReader reader = new MessageReader();
        try (TokenDatabase database = TokenDatabase.open(gateway);
             MailSource source = MailSources.open(paths, MailSources.DEFAULT_MAX_MESSAGE_BYTES)) {
            BayesLearner learner = new BayesLearner(database.tokens(), new Tokenizer(), Clock.systemUTC(),
                    AutolearnPolicy.OFF);
            CorpusLearner.Report report = new CorpusLearner(learner, raw -> reader.read(raw, Envelope.NONE))
                    .learn(source, label);
            for (MailItem.Unreadable skipped : report.skipped()) {
                error("skipped " + skipped.origin() + ": " + skipped.reason());
            }
            out.printf("learned as %s: %d new, %d moved from the other class, %d already learned, %d skipped%n",
                    label.name().toLowerCase(Locale.ROOT), report.count(LearnOutcome.LEARNED),
                    report.count(LearnOutcome.RELEARNED), report.count(LearnOutcome.ALREADY_LEARNED),
                    report.skipped().size());
            return report.skipped().isEmpty() ? EXIT_OK : EXIT_ERROR;
        } catch (IllegalStateException | IOException e) {
            error(e.getMessage());
            return EXIT_ERROR;
        }
    }
}
