package com.postwarden.spam.bayes;

import com.postwarden.bench.TrainCorpus;
import com.postwarden.spam.SpamMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * K-fold cross-validation of the classifier on the TRAIN corpus, the only basis for choosing its constants and
 * the BAYES_* scores. Run by hand (a main, not a test): prints recall at 0.1 % and 1 % ham false positives, and
 * the out-of-fold counts of ham and spam per BAYES_* symbol with the false positives and recall that
 * {@link BayesScores#DEFAULTS} give alone at the threshold 5.0. Arguments: [s x minStrength maxClues]...
 */
public final class BayesCrossValidation {
    static final int FOLDS = 5;

    record Item(Label label, Set<String> tokens, int fold) {
    }

    /** One training message with its class. */
    record Example(Label label, SpamMessage message) {
    }

    private static List<Example> examples(Label label) {
        return TrainCorpus.files(label == Label.SPAM ? "spam" : "ham").stream()
                .map(file -> new Example(label, TrainCorpus.read(file))).toList();
    }

    public static void main(String[] args) {
        Tokenizer tokenizer = new Tokenizer();
        List<Item> items = new ArrayList<>();
        List<Example> all = new ArrayList<>();
        Random random = new Random(20240601);
        for (Label label : Label.values()) {
            List<Example> examples = new ArrayList<>(examples(label));
            all.addAll(examples);
            Collections.shuffle(examples, random);
            for (int i = 0; i < examples.size(); i++) {
                items.add(new Item(label, tokenizer.tokens(examples.get(i).message()), i % FOLDS));
            }
        }
        List<ClassifierSettings> grid = new ArrayList<>();
        if (args.length == 0) {
            grid.add(ClassifierSettings.DEFAULTS);
        }
        for (int i = 0; i + 3 < args.length; i += 4) {
            grid.add(new ClassifierSettings(Double.parseDouble(args[i]), Double.parseDouble(args[i + 1]),
                    Double.parseDouble(args[i + 2]), Integer.parseInt(args[i + 3])));
        }
        for (ClassifierSettings settings : grid) {
            report(settings, items);
        }
        timeScoring(all);
    }

    /** CPU time per message of tokenizing and classifying (warm, in-memory store trained on all of TRAIN). */
    static void timeScoring(List<Example> examples) {
        InMemoryTokenStore store = new InMemoryTokenStore();
        BayesLearner learner = new BayesLearner(store, new Tokenizer(), java.time.Clock.systemUTC(),
                AutolearnPolicy.OFF);
        examples.forEach(e -> learner.learn(e.message(), e.label()));
        BayesCheck check = new BayesCheck(store, new Tokenizer(), ClassifierSettings.DEFAULTS, BayesScores.DEFAULTS,
                1);
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        long cpu = 0;
        for (int pass = 0; pass < 4; pass++) {
            long start = bean.getCurrentThreadCpuTime();
            for (Example e : examples) {
                sink += check.check(e.message()).size();
            }
            cpu = bean.getCurrentThreadCpuTime() - start;
        }
        System.out.printf(Locale.ROOT, "scoring CPU per message (last of 4 passes): %.3f ms (%d symbols)%n",
                cpu / 1e6 / examples.size(), sink);
    }

    static void report(ClassifierSettings settings, List<Item> items) {
        List<Double> ham = new ArrayList<>();
        List<Double> spam = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            InMemoryTokenStore store = new InMemoryTokenStore();
            int n = 0;
            for (Item item : items) {
                if (item.fold() != fold) {
                    store.learn("m" + n++, item.label(), item.tokens(), Instant.EPOCH);
                }
            }
            BayesClassifier classifier = new BayesClassifier(store, settings);
            for (Item item : items) {
                if (item.fold() == fold) {
                    double p = classifier.classify(item.tokens()).probability();
                    (item.label() == Label.SPAM ? spam : ham).add(p);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s%n  recall at FP<=0.1%%: %.2f%%   at FP<=1%%: %.2f%%%n", settings,
                100 * recallAt(ham, spam, 0.001), 100 * recallAt(ham, spam, 0.01));
        int[] hamBuckets = buckets(ham);
        int[] spamBuckets = buckets(spam);
        for (int b = 0; b < BayesScores.NAMES.size(); b++) {
            System.out.printf(Locale.ROOT, "  %-9s ham %5d  spam %5d%n", BayesScores.NAMES.get(b), hamBuckets[b],
                    spamBuckets[b]);
        }
        System.out.println("  suggested scores: " + Arrays.toString(suggestScores(hamBuckets, spamBuckets,
                ham.size(), spam.size())));
        System.out.printf(Locale.ROOT, "  DEFAULTS alone at 5.0: FP %d/%d (%.3f%%), recall %.2f%%%n",
                atThreshold(ham), ham.size(), 100.0 * atThreshold(ham) / ham.size(),
                100.0 * atThreshold(spam) / spam.size());
    }

    /** Spam recall at the strictest threshold that keeps ham false positives at or under {@code fpRate}. */
    static double recallAt(List<Double> ham, List<Double> spam, double fpRate) {
        double[] h = ham.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(fpRate * h.length);
        double threshold = h[h.length - 1 - allowed];
        return spam.stream().filter(p -> p > threshold).count() / (double) spam.size();
    }

    static int[] buckets(List<Double> probabilities) {
        int[] counts = new int[BayesScores.NAMES.size()];
        for (double p : probabilities) {
            counts[BayesScores.bucket(p)]++;
            if (p >= 0.999) {
                counts[counts.length - 1]++;
            }
        }
        return counts;
    }

    static long atThreshold(List<Double> probabilities) {
        return probabilities.stream()
                .filter(p -> BayesScores.DEFAULTS.symbols(p).stream().mapToDouble(s -> s.score()).sum() >= 5.0)
                .count();
    }

    /**
     * The method behind {@link BayesScores#DEFAULTS}: per range symbol the log-likelihood ratio of its
     * out-of-fold spam and ham shares (add-one-half smoothing), made non-decreasing by pooling adjacent
     * violators (weighted by messages), scaled so that BAYES_99 alone reaches the threshold 5.0, rounded to 0.1;
     * BAYES_999 adds the ratio of the 99.9 % share over the 99 % one on the same scale, at least 0.2.
     */
    static double[] suggestScores(int[] ham, int[] spam, int hamTotal, int spamTotal) {
        int n = ham.length - 1;
        double[] llr = new double[n];
        double[] weight = new double[n];
        for (int b = 0; b < n; b++) {
            llr[b] = Math.log(((spam[b] + 0.5) / spamTotal) / ((ham[b] + 0.5) / hamTotal));
            weight[b] = ham[b] + spam[b] + 1;
        }
        double[] iso = poolAdjacentViolators(llr, weight);
        double scale = 5.0 / iso[n - 1];
        double[] scores = new double[n + 1];
        for (int b = 0; b < n; b++) {
            scores[b] = Math.round(iso[b] * scale * 10) / 10.0;
        }
        double top = Math.log(((spam[n] + 0.5) / (spam[n - 1] + 0.5)) / ((ham[n] + 0.5) / (ham[n - 1] + 0.5)));
        scores[n] = Math.max(0.2, Math.round(top * scale * 10) / 10.0);
        return scores;
    }

    static double[] poolAdjacentViolators(double[] values, double[] weights) {
        int n = values.length;
        double[] v = values.clone();
        double[] w = weights.clone();
        int[] size = new int[n];
        Arrays.fill(size, 1);
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            v[blocks] = values[i];
            w[blocks] = weights[i];
            size[blocks] = 1;
            while (blocks > 0 && v[blocks - 1] > v[blocks]) {
                double total = w[blocks - 1] + w[blocks];
                v[blocks - 1] = (v[blocks - 1] * w[blocks - 1] + v[blocks] * w[blocks]) / total;
                w[blocks - 1] = total;
                size[blocks - 1] += size[blocks];
                blocks--;
            }
            blocks++;
        }
        double[] out = new double[n];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < size[b]; j++) {
                out[k++] = v[b];
            }
        }
        return out;
    }
}
