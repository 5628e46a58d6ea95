package com.postwarden.cli.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SpamCommandTest {
    /** SpamAssassin's test string, assembled here so that no file of the repository holds it whole. */
    private static final String GTUBE = String.join("", "XJS*C4JDBQADN1.NSBN3*2IDNEN*", "GTUBE-STANDARD-ANTI-UBE-",
            "TEST-EMAIL*C.34X");

    @TempDir
    Path dir;

    private Path config;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void configure() throws IOException {
        config = Files.writeString(dir.resolve("postwarden.yaml"), "dataDir: " + dir.resolve("var") + "\n");
    }

    private Run run(String command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Callable<Integer> target = switch (command) {
            case "score" -> new SpamScoreCommand(o, e);
            case "learn" -> new SpamLearnCommand(o, e);
            case "stats" -> new SpamStatsCommand(o, e);
            default -> throw new IllegalArgumentException(command);
        };
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new CommandLine(target).setErr(new PrintWriter(e, true)).execute(all);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path message(String name, String subject, String body) throws IOException {
        Path file = dir.resolve("mail").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "From: Alice <alice@example.org>\r\nTo: bob@example.net\r\nSubject: " + subject
                + "\r\nDate: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + name + "@example.org>\r\n\r\n"
                + body + "\r\n");
    }

    @Test
    void gtubeScoresAsSpamAndOrdinaryMailAsHam() throws IOException {
        Path spam = message("gtube.eml", "Hello", "This is " + GTUBE + ".");
        Path ham = message("lunch.eml", "Lunch", "See you at noon.");

        Run run = run("score", spam.toString(), ham.toString());

        assertThat(run.exitCode()).as("some spam: exit 1").isEqualTo(1);
        assertThat(run.out()).contains(spam + ": SPAM score=").contains("GTUBE=1000.0")
                .contains(ham + ": HAM score=");
    }

    @Test
    void jsonGivesOneObjectPerMessageWithItsSymbols() throws IOException {
        Path spam = message("gtube.eml", "Hello", "This is " + GTUBE + ".");

        Run run = run("score", "--json", dir.resolve("mail").toString());

        assertThat(run.out().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"file\":\"" + spam + "\",\"score\":")
                .contains("\"required\":5.0", "\"spam\":true", "\"symbols\":{", "\"GTUBE\":1000.0", "\"ms\":"));
    }

    @Test
    void learnedMessagesCountOnceAndShowInTheStats() throws IOException {
        message("a.eml", "Cheap pills", "Buy now");
        message("b.eml", "More pills", "Buy more now");
        Path mbox = Files.writeString(dir.resolve("ham.mbox"), "From alice Sun Nov 22 10:00:00 2026\n"
                + "From: alice@example.org\nSubject: notes\nMessage-ID: <n1@example.org>\n\nMinutes attached.\n"
                + ">From here on, agreed.\n\nFrom bob Sun Nov 22 11:00:00 2026\nFrom: bob@example.org\n"
                + "Subject: re: notes\nMessage-ID: <n2@example.org>\n\nThanks.\n");

        Run spam = run("learn", "--spam", dir.resolve("mail").toString());
        Run again = run("learn", "--spam", dir.resolve("mail").toString());
        Run ham = run("learn", "--ham", mbox.toString());
        Run stats = run("stats");

        assertThat(spam.exitCode()).isZero();
        assertThat(spam.out()).contains("learned as spam: 2 new");
        assertThat(again.out()).contains("0 new").contains("2 already learned");
        assertThat(ham.out()).contains("learned as ham: 2 new");
        assertThat(stats.out()).contains("learned spam messages: 2", "learned ham messages: 2",
                "classifier scores mail: no (needs 200 spam and 200 ham messages learned)");
    }

    @Test
    void learningNeedsToBeToldSpamOrHam() throws IOException {
        Path mail = message("a.eml", "x", "y");
        Run run = run("learn", mail.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--spam").contains("--ham");
    }
}
