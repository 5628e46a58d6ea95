package com.postwarden.spam.rules;

import com.postwarden.bench.TrainCorpus;
import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import com.postwarden.spam.message.MessageReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tool (not a test) for choosing rules and scores on the TRAINING corpus only: per rule, the share of spam and
 * of ham it hits; the spam caught and ham flagged at thresholds; and the CPU time per message of reading plus
 * rules. Usage: {@code RuleHitRates [--debian] [extra.cf ...]}; without {@code --debian} it runs the shipped
 * ruleset plus the extra files.
 */
public final class RuleHitRates {
    private static final MessageReader READER = new MessageReader();
    private RuleHitRates() {
    }

    public static void main(String[] args) throws IOException {
        RuleSet.Builder builder = RuleSet.builder();
        boolean debian = args.length > 0 && args[0].equals("--debian");
        if (debian) {
            builder.path(Path.of("/usr/share/spamassassin"));
        } else {
            builder.shipped();
        }
        for (int i = debian ? 1 : 0; i < args.length; i++) {
            builder.path(Path.of(args[i]));
        }
        RuleSet rules = builder.build();
        System.out.println("unsupported: " + rules.report().unsupported());
        RulesCheck check = new RulesCheck(rules, RulesLimits.DEFAULTS, Clock.systemUTC());
        Map<String, int[]> hits = new TreeMap<>();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int[] totals = new int[2];
        List<double[]> scores = new ArrayList<>();
        long cpuNanos = 0;
        for (String kind : List.of("spam", "ham")) {
            int k = kind.equals("spam") ? 0 : 1;
            for (Path file : TrainCorpus.files(kind)) {
                byte[] raw = Files.readAllBytes(file);
                long start = cpu.getCurrentThreadCpuTime();
                SpamMessage message = READER.read(raw, Envelope.NONE);
                List<Symbol> symbols = check.check(message);
                cpuNanos += cpu.getCurrentThreadCpuTime() - start;
                totals[k]++;
                double score = 0;
                for (Symbol symbol : symbols) {
                    hits.computeIfAbsent(symbol.name(), n -> new int[2])[k]++;
                    score += symbol.score();
                }
                scores.add(new double[] {k, score});
            }
        }
        System.out.printf("%-28s %7s %7s%n", "rule", "spam%", "ham%");
        hits.forEach((name, h) -> System.out.printf("%-28s %7.2f %7.3f  (%d/%d)  score %.2f%n", name,
                100.0 * h[0] / totals[0], 100.0 * h[1] / totals[1], h[0], h[1], rules.score(name).orElse(0)));
        for (double threshold : new double[] {2, 3, 5}) {
            long spam = scores.stream().filter(s -> s[0] == 0 && s[1] >= threshold).count();
            long ham = scores.stream().filter(s -> s[0] == 1 && s[1] >= threshold).count();
            System.out.printf("score >= %.0f: spam %.1f%% (%d), ham %.2f%% (%d)%n", threshold,
                    100.0 * spam / totals[0], spam, 100.0 * ham / totals[1], ham);
        }
        System.out.printf("CPU per message (read + rules): %.3f ms over %d messages; overruns %s%n",
                cpuNanos / 1e6 / (totals[0] + totals[1]), totals[0] + totals[1], check.overruns());
    }
}
