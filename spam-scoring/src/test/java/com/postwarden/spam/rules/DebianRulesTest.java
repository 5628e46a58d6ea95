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
    void debiansRulesScoreGtubeAndEvaluateOrdinaryMailWithoutError() throws IOException {
        RulesCheck check = new RulesCheck(debianRules());
        List<SpamMessage> ordinary = List.of(
                TestMessage.builder().build(),
                TestMessage.builder().header("Subject", "FREE!!! Act now, limited offer $$$")
                        .html("<html><body><a href=\"http://192.0.2.7/buy\">CLICK HERE</a> to remove"
                                + " <font color=red>GUARANTEED</font></body></html>").build(),
                TestMessage.builder().without("Date").without("Message-ID")
                        .text("Dear friend, I am a barrister; transfer the sum of $25,000,000 to your account.").build());
        for (SpamMessage message : ordinary) {
            assertThat(check.check(message)).allSatisfy(symbol -> assertThat(symbol.name()).isNotBlank());
        }
        double gtube = check.check(TestMessage.builder().text("x " + BuiltinChecks.GTUBE + " y").build()).stream()
                .mapToDouble(Symbol::score).sum();
        assertThat(gtube).as("Debian's own GTUBE rule, give or take its tiny informational scores").isGreaterThan(990);
        assertThat(check.overruns()).as("no rule or message ran out of budget").isEmpty();
    }
}
