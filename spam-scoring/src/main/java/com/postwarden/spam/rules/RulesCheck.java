package com.postwarden.spam.rules;

import com.postwarden.spam.SpamCheck;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RuleSet} on messages: each scored rule that hits becomes a {@link Symbol} with its score (times
 * its hit count for {@code tflags multiple}). Regex matches run on a {@link BudgetedText}, so a runaway regex is
 * abandoned after {@link RulesLimits#stepsPerMatch()} steps, and the rules of one message share the time of
 * {@link RulesLimits#perMessage()}; both overruns are counted per rule in {@link #overruns()}, never thrown.
 * Thread-safe: per-message state lives on the calling thread.
 */
public final class RulesCheck implements SpamCheck {
    /** The key of {@link #overruns()} that counts messages whose time budget ran out. */
    public static final String TIME_BUDGET = "(message time budget)";
    private static final Logger LOG = LoggerFactory.getLogger(RulesCheck.class);

    private final RuleSet rules;
    private final RulesLimits limits;
    private final BuiltinChecks builtins;
    private final LongSupplier nanoTime;
    private final Map<String, LongAdder> overruns = new ConcurrentHashMap<>();
    private final ThreadLocal<BudgetedText> texts = ThreadLocal.withInitial(BudgetedText::new);

    public RulesCheck(RuleSet rules) {
        this(rules, RulesLimits.DEFAULTS, Clock.systemUTC());
    }

    /** {@code clock} is what Date checks compare with. */
    public RulesCheck(RuleSet rules, RulesLimits limits, Clock clock) {
        this(rules, limits, clock, System::nanoTime);
    }

    RulesCheck(RuleSet rules, RulesLimits limits, Clock clock, LongSupplier nanoTime) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.builtins = new BuiltinChecks(Objects.requireNonNull(clock, "clock"));
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public List<Symbol> check(SpamMessage message) {
        try {
            return evaluate(message);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("rules could not evaluate a message", e);
            return List.of();
        }
    }

    /** Rules abandoned since this check was made, by rule name (and {@link #TIME_BUDGET}), sorted. */
    public Map<String, Long> overruns() {
        Map<String, Long> snapshot = new TreeMap<>();
        overruns.forEach((rule, count) -> snapshot.put(rule, count.sum()));
        return snapshot;
    }

    private List<Symbol> evaluate(SpamMessage message) {
        MessageView view = new MessageView(message);
        double[] values = new double[rules.names.length];
        long deadline = nanoTime.getAsLong() + limits.perMessage().toNanos();
        boolean outOfTime = false;
        for (int i = 0; i < rules.tests.length; i++) {
            Rule rule = rules.tests[i];
            if (rule instanceof Rule.Eval) {
                Rule.Eval eval = (Rule.Eval) rule;
                values[i] = builtins.test(eval.function(), eval.args(), view) ? 1 : 0;
                continue;
            }
            if (!outOfTime && nanoTime.getAsLong() > deadline) {
                outOfTime = true;
                overruns.computeIfAbsent(TIME_BUDGET, k -> new LongAdder()).increment();
            }
            if (!outOfTime) {
                values[i] = hits(rule, view, rules.maxHits[i]);
            }
        }
        int offset = rules.tests.length;
        for (int m = 0; m < rules.metas.length; m++) {
            values[offset + m] = rules.metaNodes[m].value(values) != 0 ? 1 : 0;
        }
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && rules.reported[i]) {
                double count = rules.multiple[i] ? values[i] : 1;
                symbols.add(new Symbol(rules.names[i], rules.scores[i] * count, rules.descriptions[i]));
            }
        }
        return symbols;
    }

    private int hits(Rule rule, MessageView view, int maxHits) {
        try {
            if (rule instanceof Rule.HeaderMatch) {
                return headerHits((Rule.HeaderMatch) rule, view);
            }
            if (rule instanceof Rule.HeaderExists) {
                return ((Rule.HeaderExists) rule).field().text(view) == null ? 0 : 1;
            }
            Rule.TextMatch match = (Rule.TextMatch) rule;
            switch (match.kind()) {
                case BODY:
                    return count(match.pattern(), view.bodyParagraphs(), maxHits);
                case RAWBODY:
                    return count(match.pattern(), view.rawParagraphs(), maxHits);
                case URI:
                    return count(match.pattern(), view.uris(), maxHits);
                default:
                    return count(match.pattern(), List.of(view.full()), maxHits);
            }
        } catch (BudgetedText.BudgetExceeded e) {
            overruns.computeIfAbsent(rule.name(), k -> new LongAdder()).increment();
            return 0;
        }
    }

    private int headerHits(Rule.HeaderMatch rule, MessageView view) {
        String text = rule.selector().text(view);
        if (text == null) {
            text = rule.ifUnset() == null ? "" : rule.ifUnset();
        }
        boolean found = rule.pattern().matcher(texts.get().reset(text, limits.stepsPerMatch())).find();
        return found != rule.negated() ? 1 : 0;
    }

    private int count(Pattern pattern, List<String> texts, int maxHits) {
        int hits = 0;
        BudgetedText budgeted = this.texts.get();
        for (String text : texts) {
            Matcher matcher = pattern.matcher(budgeted.reset(text, limits.stepsPerMatch()));
            while (hits < maxHits && matcher.find()) {
                hits++;
                if (matcher.end() == matcher.start() && matcher.end() >= text.length()) {
                    break;
                }
            }
            if (hits >= maxHits) {
                return hits;
            }
        }
        return hits;
    }
}
