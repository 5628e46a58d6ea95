package com.postwarden.spam.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A compiled set of rules in SpamAssassin's {@code .cf} syntax, the common subset:
 * <ul>
 *   <li>{@code header NAME Field =~ /re/} (and {@code !~}), with {@code ALL}, {@code ToCc}, {@code MESSAGEID},
 *       {@code EnvelopeFrom}, the modifiers {@code :raw :addr :name :first :last}, {@code [if-unset: VALUE]},
 *       and {@code header NAME exists:Field};</li>
 *   <li>{@code body} (Subject and decoded text, paragraph by paragraph), {@code rawbody}, {@code uri},
 *       {@code full}; {@code eval:} calls of the {@link BuiltinChecks} in any of them;</li>
 *   <li>{@code meta} with {@code && || ! + - * / > < >= <= == != ( )} over rule names;</li>
 *   <li>{@code score NAME S} or {@code score NAME S0 S1 S2 S3}: of four scores the first is used, SpamAssassin's
 *       score set 0 (no Bayes, no network tests), as Bayes is a separate check here and network rules are not
 *       run. A score of 0 disables a rule. Without a score a rule scores 1, a {@code T_} rule 0.01 and a
 *       {@code __} rule 0 (and is never reported);</li>
 *   <li>{@code describe}; {@code tflags}: {@code multiple} (each hit counts, up to {@code maxhits=N}),
 *       {@code net} and {@code learn} (such rules need DNS or Bayes and are not run), {@code nice} and
 *       {@code noautolearn} (accepted; they change nothing when scoring); other flags are ignored and
 *       counted in the report as "tflags ignored";</li>
 *   <li>{@code ifplugin}/{@code if}/{@code else}/{@code endif} (see {@link CfParser}), {@code include},
 *       comments. {@code lang} lines and every other directive are counted as unsupported.</li>
 * </ul>
 * Regexes are Perl's, translated by {@link PerlRegex}. Files load in order; a later definition, score or
 * description of a rule replaces an earlier one. What cannot be honoured is counted in {@link #report()}.
 * Immutable and thread-safe once built.
 */
public final class RuleSet {
    /** Where the shipped ruleset lives on the class path. */
    public static final String SHIPPED_RESOURCE = "postwarden.cf";

    final Rule[] tests;
    final Rule.Meta[] metas;
    final MetaExpression.Node[] metaNodes;
    final String[] names;
    final double[] scores;
    final boolean[] reported;
    final boolean[] multiple;
    final int[] maxHits;
    final String[] descriptions;
    private final LoadReport report;
    private final Map<String, Double> allScores;
    private final Map<String, String> allDescriptions;
    private final Set<String> ruleNames;

    private RuleSet(Compiler compiled, LoadReport report, RuleDefinitions definitions) {
        this.tests = compiled.tests.toArray(new Rule[0]);
        this.metas = compiled.metas.toArray(new Rule.Meta[0]);
        this.metaNodes = compiled.metaNodes.toArray(new MetaExpression.Node[0]);
        int count = tests.length + metas.length;
        this.names = new String[count];
        this.scores = new double[count];
        this.reported = new boolean[count];
        this.multiple = new boolean[count];
        this.maxHits = new int[count];
        this.descriptions = new String[count];
        for (int i = 0; i < count; i++) {
            String name = i < tests.length ? tests[i].name() : metas[i - tests.length].name();
            names[i] = name;
            scores[i] = compiled.score(name);
            reported[i] = compiled.reported(name);
            Set<String> flags = definitions.flags.getOrDefault(name, Set.of());
            multiple[i] = flags.contains("multiple");
            maxHits[i] = definitions.maxHits.getOrDefault(name, multiple[i] ? 1000 : 1);
            descriptions[i] = definitions.descriptions.getOrDefault(name, "");
        }
        this.report = report;
        Map<String, Double> scoreMap = new HashMap<>();
        for (String name : definitions.rules.keySet()) {
            scoreMap.put(name, compiled.score(name));
        }
        this.allScores = Map.copyOf(scoreMap);
        this.allDescriptions = Map.copyOf(definitions.descriptions);
        this.ruleNames = Collections.unmodifiableSet(new LinkedHashSet<>(definitions.rules.keySet()));
    }

    /** Loads files and directories (their {@code *.cf} files in name order), in order. */
    public static RuleSet load(List<Path> paths) throws IOException {
        Builder builder = builder();
        for (Path path : paths) {
            builder.path(path);
        }
        return builder.build();
    }

    /** The ruleset shipped with Postwarden ({@value #SHIPPED_RESOURCE}). */
    public static RuleSet shipped() {
        return builder().shipped().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public LoadReport report() {
        return report;
    }

    /** Every rule that compiled, in definition order (including {@code __} sub-rules and unscored ones). */
    public Set<String> ruleNames() {
        return ruleNames;
    }

    /** The score a hit of {@code rule} adds, when the rule exists. */
    public OptionalDouble score(String rule) {
        Double score = allScores.get(rule);
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    public Optional<String> description(String rule) {
        return Optional.ofNullable(allDescriptions.get(rule));
    }

    /** How many rules are run for each message (the scored ones and what their metas need). */
    public int activeRules() {
        return names.length;
    }

    /** Collects rule files in order; not thread-safe; {@link #build} once. */
    public static final class Builder {
        private final RuleDefinitions definitions = new RuleDefinitions();
        private final CfParser parser = new CfParser(definitions);

        private Builder() {
        }

        /** Adds a file, or a directory's {@code *.cf} files in name order. */
        public Builder path(Path path) throws IOException {
            parser.parsePath(Objects.requireNonNull(path, "path"));
            return this;
        }

        /** Adds rule text; {@code source} names it in the report; it cannot {@code include}. */
        public Builder text(String source, String rules) {
            parser.parseText(source, rules, null, 0);
            return this;
        }

        /** Adds the shipped ruleset. */
        public Builder shipped() {
            try (InputStream in = RuleSet.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped ruleset " + SHIPPED_RESOURCE + " is missing");
                }
                return text(SHIPPED_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public RuleSet build() {
            Compiler compiler = new Compiler(definitions);
            LoadReport report = new LoadReport(definitions.rules.size(),
                    definitions.skippedByCondition, definitions.unsupported, definitions.problems);
            return new RuleSet(compiler, report, definitions);
        }
    }

    /**
     * Chooses the rules to run (the reported ones and the sub-rules their metas need), orders metas so that a meta
     * comes after the metas it uses, and binds meta expressions to value indices.
     */
    private static final class Compiler {
        final List<Rule> tests = new ArrayList<>();
        final List<Rule.Meta> metas = new ArrayList<>();
        final List<MetaExpression.Node> metaNodes = new ArrayList<>();
        private final RuleDefinitions definitions;
        private final Map<String, Integer> index = new LinkedHashMap<>();

        Compiler(RuleDefinitions definitions) {
            this.definitions = definitions;
            Set<String> needed = new LinkedHashSet<>();
            for (String name : definitions.rules.keySet()) {
                if (reported(name)) {
                    need(name, needed);
                }
            }
            for (String name : needed) {
                if (!(definitions.rules.get(name) instanceof Rule.Meta)) {
                    index.put(name, tests.size());
                    tests.add(definitions.rules.get(name));
                }
            }
            Set<String> done = new HashSet<>();
            for (String name : needed) {
                if (definitions.rules.get(name) instanceof Rule.Meta) {
                    orderMeta(name, done, new HashSet<>());
                }
            }
            for (Rule.Meta meta : metas) {
                try {
                    metaNodes.add(MetaExpression.parse(meta.expression(), n -> index.getOrDefault(n, -1)));
                } catch (UnsupportedRuleException e) {
                    metaNodes.add(v -> 0);
                    definitions.unsupported(meta.name(), 0, e);
                }
            }
        }

        double score(String name) {
            Double explicit = definitions.scores.get(name);
            if (explicit != null) {
                return explicit;
            }
            return name.startsWith("__") ? 0 : name.startsWith("T_") ? 0.01 : 1.0;
        }

        boolean runnable(String name) {
            Set<String> flags = definitions.flags.getOrDefault(name, Set.of());
            return definitions.rules.containsKey(name) && !flags.contains("net") && !flags.contains("learn");
        }

        boolean reported(String name) {
            return !name.startsWith("__") && score(name) != 0 && runnable(name);
        }

        private void need(String name, Set<String> needed) {
            if (!runnable(name) || !needed.add(name)) {
                return;
            }
            Rule rule = definitions.rules.get(name);
            if (rule instanceof Rule.Meta) {
                for (String dependency : ((Rule.Meta) rule).dependencies()) {
                    need(dependency, needed);
                }
            }
        }

        private void orderMeta(String name, Set<String> done, Set<String> visiting) {
            Rule rule = definitions.rules.get(name);
            if (!(rule instanceof Rule.Meta) || done.contains(name)) {
                return;
            }
            if (!visiting.add(name)) {
                definitions.unsupported(name, 0, new UnsupportedRuleException("meta dependency cycle", name));
                return;
            }
            for (String dependency : ((Rule.Meta) rule).dependencies()) {
                if (runnable(dependency)) {
                    orderMeta(dependency, done, visiting);
                }
            }
            done.add(name);
            index.put(name, tests.size() + metas.size());
            metas.add((Rule.Meta) rule);
        }
    }
}
