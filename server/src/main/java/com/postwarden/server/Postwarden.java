package com.postwarden.server;

import com.postwarden.cli.ScanCommand;
import com.postwarden.cli.spam.SpamCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code postwarden} command: the daemon and the administration sub-commands. */
@Command(name = "postwarden", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Postwarden mail-security gateway.",
        subcommands = {ServeCommand.class, ScanCommand.class, SpamCommand.class, CommandLine.HelpCommand.class})
public final class Postwarden implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // set before the first logger exists: only the daemon logs to standard output
            System.setProperty("postwarden.logTarget", "System.err");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command tree, also used by tests to run sub-commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Postwarden());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
