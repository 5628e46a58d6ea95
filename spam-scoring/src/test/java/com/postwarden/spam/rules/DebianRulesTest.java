package com.postwarden.spam.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Debian's SpamAssassin rules ({@code apt-get install spamassassin}) load unchanged and evaluate on real messages.
 * Fails when the package is missing.
 */
class DebianRulesTest {
    private static final Path SHARED = Path.of("/usr/share/spamassassin");
    private static final Path COMPILED = Path.of("/var/lib/spamassassin");

    static RuleSet debianRules() throws IOException {
        assertThat(SHARED.resolve("50_scores.cf")).as("Debian package spamassassin").exists();
        List<Path> paths = new ArrayList<>(List.of(SHARED));
        if (Files.isDirectory(COMPILED)) {
            try (Stream<Path> updates = Files.walk(COMPILED, 3)) {
                updates.filter(p -> Files.isDirectory(p) && p.getFileName().toString().endsWith("spamassassin_org"))
                        .sorted().forEach(paths::add);
            }
        }
        return RuleSet.load(paths);
    }

    @Test
    void debiansRulesLoadWithTheUnsupportedLinesCountedByReason() throws IOException {
        RuleSet rules = debianRules();
        LoadReport report = rules.report();

        System.out.printf("Debian rules: %d compiled, %d active, %d in false conditions, %d unsupported%n",
                report.rules(), rules.activeRules(), report.skippedByCondition(), report.unsupportedTotal());
        report.unsupported().forEach((reason, count) -> System.out.printf("  %6d  %s%n", count, reason));
        assertThat(report.rules()).isGreaterThan(1000);
        assertThat(rules.score("GTUBE")).isPresent();
        assertThat(report.unsupported()).doesNotContainKeys("malformed meta expression", "malformed header rule");
    }

    @Test
    void debiansRulesEvaluateTrainingMessagesWithoutError() throws IOException {
        RulesCheck check = new RulesCheck(debianRules());
        List<Path> sample = new ArrayList<>(TrainCorpus.files("spam").subList(0, 40));
        sample.addAll(TrainCorpus.files("ham").subList(0, 40));
        int spamHits = 0;
        for (Path file : sample) {
            SpamMessage message = TrainCorpus.read(file);
            List<Symbol> symbols = check.check(message);
            double score = symbols.stream().mapToDouble(Symbol::score).sum();
            if (file.getFileName().toString().startsWith("spam") && score >= 5) {
                spamHits++;
            }
        }
        System.out.printf("Debian rules: %d of 40 spam at >= 5; overruns %s%n", spamHits, check.overruns());
        assertThat(spamHits).isPositive();
    }
}
