package com.postwarden.bench;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamCheck;
import com.postwarden.spam.SpamEngine;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.SpamScorer;
import com.postwarden.spam.bayes.AutolearnPolicy;
import com.postwarden.spam.bayes.BayesCheck;
import com.postwarden.spam.bayes.BayesLearner;
import com.postwarden.spam.bayes.BayesScores;
import com.postwarden.spam.bayes.ClassifierSettings;
import com.postwarden.spam.bayes.InMemoryTokenStore;
import com.postwarden.spam.bayes.Label;
import com.postwarden.spam.bayes.Tokenizer;
import com.postwarden.spam.message.MessageReader;
import com.postwarden.spam.rules.RuleSet;
import com.postwarden.spam.rules.RulesCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Spam scoring on the SpamAssassin public corpus with its fixed split ({@code bench/spam/run-accuracy.sh} exports
 * it): the classifier learns every TRAIN message, then every TEST message is scored once with the shipped rules and
 * the classifier, and once with the rules alone. Nothing is chosen on TEST: the run only reports on it.
 *
 * <p>Writes {@code scores-postwarden.txt} and {@code scores-postwarden-rules.txt} ({@code label score msgid}, the
 * format of the shared {@code evaluate.py}) and {@code timing.txt}: CPU time of scoring each message (reading it
 * included; the classifier's counts in memory), as mean, median, p99 and max, on one thread after a warm-up pass.
 *
 * <pre>java -cp bench/target/benchmarks.jar com.postwarden.bench.SpamCorpusRun CORPUS/eml OUT_DIR</pre>
 */
public final class SpamCorpusRun {
    private static final double REQUIRED = 5.0;

    private record Item(String label, String msgid, Path file) {
    }

    private SpamCorpusRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SpamCorpusRun CORPUS_EML_DIR OUT_DIR");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        List<Item> train = items(corpus, "train.tsv");
        List<Item> test = items(corpus, "test.tsv");
        MessageReader reader = new MessageReader();

        InMemoryTokenStore tokens = new InMemoryTokenStore();
        BayesLearner learner = new BayesLearner(tokens, new Tokenizer(), Clock.systemUTC(),
                AutolearnPolicy.OFF);
        long learnStart = System.nanoTime();
        for (Item item : train) {
            learner.learn(reader.read(Files.readAllBytes(item.file()), Envelope.NONE),
                    item.label().equals("spam") ? Label.SPAM : Label.HAM);
        }
        double learnSeconds = (System.nanoTime() - learnStart) / 1e9;

        RuleSet rules = RuleSet.shipped();
        RulesCheck rulesCheck = new RulesCheck(rules);
        BayesCheck bayesCheck = new BayesCheck(tokens, new Tokenizer(), ClassifierSettings.DEFAULTS,
                BayesScores.DEFAULTS, BayesCheck.DEFAULT_MINIMUM_PER_CLASS);
        SpamEngine full = engine(reader, List.of(rulesCheck, bayesCheck));
        SpamEngine rulesOnly = engine(reader, List.of(new RulesCheck(rules)));

        List<byte[]> messages = new ArrayList<>(test.size());
        for (Item item : test) {
            messages.add(Files.readAllBytes(item.file()));
        }
        score(rulesOnly, test, messages, out.resolve("scores-postwarden-rules.txt"));
        score(full, test, messages, out.resolve("scores-postwarden.txt")); // warm-up pass, and the scores
        long[] cpu = score(full, test, messages, null);
        Arrays.sort(cpu);
        double meanMs = Arrays.stream(cpu).average().orElse(0) / 1e6;
        double totalSeconds = Arrays.stream(cpu).sum() / 1e9;
        String timing = String.format(Locale.ROOT,
                "train messages %d learned in %.1f s; test messages %d%n"
                        + "scoring CPU per message (rules + classifier, message reading included, one thread): "
                        + "mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms; %.0f msgs/s per core%n",
                train.size(), learnSeconds, test.size(), meanMs, cpu[cpu.length / 2] / 1e6,
                cpu[(int) Math.min(cpu.length - 1, Math.ceil(cpu.length * 0.99) - 1)] / 1e6, cpu[cpu.length - 1] / 1e6,
                test.size() / totalSeconds);
        timing += parts(reader, rulesCheck, bayesCheck, messages);
        Files.writeString(out.resolve("timing.txt"), timing);
        System.out.print(timing);
    }

    /** Where the time goes: reading, the rules and the classifier, each timed alone over every message. */
    private static String parts(MessageReader reader, SpamCheck rules, SpamCheck bayes, List<byte[]> messages) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long read = 0;
        long rulesTime = 0;
        long bayesTime = 0;
        for (byte[] raw : messages) {
            long t0 = threads.getCurrentThreadCpuTime();
            SpamMessage message = reader.read(raw, Envelope.NONE);
            long t1 = threads.getCurrentThreadCpuTime();
            rules.check(message);
            long t2 = threads.getCurrentThreadCpuTime();
            bayes.check(message);
            long t3 = threads.getCurrentThreadCpuTime();
            read += t1 - t0;
            rulesTime += t2 - t1;
            bayesTime += t3 - t2;
        }
        int n = messages.size();
        return String.format(Locale.ROOT, "mean CPU per message by part: reading %.3f ms, rules %.3f ms, "
                + "classifier %.3f ms%n", read / 1e6 / n, rulesTime / 1e6 / n, bayesTime / 1e6 / n);
    }

    private static SpamEngine engine(MessageReader reader, List<SpamCheck> checks) {
        return new SpamEngine(reader, new SpamScorer(checks, REQUIRED), Optional.empty());
    }

    /** Scores every message; writes the scores when {@code scores} is given; returns each message's CPU time. */
    private static long[] score(SpamEngine engine, List<Item> items, List<byte[]> messages, Path scores)
            throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[items.size()];
        try (PrintWriter writer = scores == null ? null
                : new PrintWriter(Files.newBufferedWriter(scores, StandardCharsets.UTF_8))) {
            for (int i = 0; i < items.size(); i++) {
                long start = threads.getCurrentThreadCpuTime();
                double score = engine.score(messages.get(i), Envelope.NONE).result().score();
                cpu[i] = threads.getCurrentThreadCpuTime() - start;
                if (writer != null) {
                    writer.printf(Locale.ROOT, "%s %.3f %s%n", items.get(i).label(), score, items.get(i).msgid());
                }
            }
        }
        return cpu;
    }

    private static List<Item> items(Path corpus, String index) throws IOException {
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve(index), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                items.add(new Item(fields[0], fields[1], corpus.resolve(fields[2])));
            }
        }
        return items;
    }
}
