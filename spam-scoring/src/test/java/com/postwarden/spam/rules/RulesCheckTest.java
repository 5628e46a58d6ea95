package com.postwarden.spam.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesCheckTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private static List<String> hits(String cf, SpamMessage message) {
        RuleSet rules = RuleSet.builder().text("test.cf", cf).build();
        assertThat(rules.report().unsupported()).as("unsupported lines").isEmpty();
        return new RulesCheck(rules, RulesLimits.DEFAULTS, NOW).check(message).stream().map(Symbol::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "header R Subject =~ /^Lunch$/                      | true",
        "header R Subject =~ /lunch/i                       | true",
        "header R Subject !~ /Lunch/                        | false",
        "header R X-Missing !~ /anything/                   | true",
        "header R X-Missing =~ /^UNSET$/ [if-unset: UNSET]  | true",
        "header R From:addr =~ /^alice\\@example\\.org$/    | true",
        "header R From:name =~ /^Alice$/                    | true",
        "header R ALL =~ /^Message-ID: <\\d+\\./m           | true",
        "header R ToCc =~ /bob\\@/                          | true",
        "header R exists:Date                               | true",
        "header R exists:X-Mailer                           | false",
        "header R exists:ToCc                               | true",
        "header R From:addr =~ /\\s/                       | false",
        "body R /see you tomorrow/                          | true",
        "body R /^Lunch$/                                   | true",
        "body R /Lunch Hello/                               | false",
        "body R m{hello,\\s+see}i                           | true",
        "full R /^Content-Type: text\\/plain/m              | true",
    })
    void headerBodyAndFullRulesMatchAsSpamAssassinsDo(String rule, boolean expected) {
        assertThat(hits(rule + "\nscore R 2.5", TestMessage.builder().build()).contains("R")).isEqualTo(expected);
    }

    @Test
    void rawBodyRulesSeeTheTransferEncodingAndBodyRulesTheDecodedText() {
        SpamMessage message = TestMessage.builder()
                .header("Content-Transfer-Encoding", "quoted-printable")
                .text("Caf=C3=A9 au lait\r\n").build();

        assertThat(hits("rawbody RAW /Caf=C3=A9/\nbody DECODED /Café au lait/\nbody NOT /Caf=C3/", message))
                .containsExactly("RAW", "DECODED");
    }

    @Test
    void uriRulesSeeLinksOfTheHtmlAndBareAddressesOfTheText() {
        SpamMessage message = TestMessage.builder()
                .html("<p><a href=\"http://cheap-pills.example/buy\">buy</a> or www.other.example</p>").build();

        assertThat(hits("uri PILLS /cheap-pills\\.example/\nuri WWW /^http:\\/\\/www\\.other/", message))
                .containsExactly("PILLS", "WWW");
    }

    @Test
    void metaRulesCombineSubRulesWithBooleanAndArithmeticOperators() {
        String cf = String.join("\n",
                "body __A /Hello/", "body __B /tomorrow/", "body __C /nothing here/", "header __D Subject =~ /Lunch/",
                "meta BOTH __A && __B", "meta NOT_C __A && !__C", "meta COUNT (__A + __B + __C + __D) > 2",
                "meta TOO_MANY (__A + __C) > 1", "meta EITHER __C || (__D && !__C)");

        assertThat(hits(cf, TestMessage.builder().build())).containsExactly("BOTH", "NOT_C", "COUNT", "EITHER");
    }

    @Test
    void subRulesAndRulesScoredZeroAreNeverReported() {
        assertThat(hits("body __SUB /Hello/\nbody OFF /Hello/\nscore OFF 0\nbody ON /Hello/",
                TestMessage.builder().build())).containsExactly("ON");
    }

    @Test
    void multipleRulesScoreEachHitUpToMaxHits() {
        RuleSet rules = RuleSet.builder().text("t.cf", "body MANY /o/\ntflags MANY multiple maxhits=3\nscore MANY 0.5")
                .build();

        List<Symbol> symbols = new RulesCheck(rules).check(TestMessage.builder().text("oo oo oo oo").build());

        assertThat(symbols).containsExactly(new Symbol("MANY", 1.5, ""));
    }

    @Test
    void aLaterFileOverridesTheScoreAndDescriptionOfAnEarlierOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("10_rules.cf"), "body HELLO /Hello/\nscore HELLO 1 2 3 4\ndescribe HELLO Greets");
        Files.writeString(dir.resolve("20_local.cf"), "score HELLO 3.5\ndescribe HELLO Says hello");

        RuleSet rules = RuleSet.load(List.of(dir));

        assertThat(new RulesCheck(rules).check(TestMessage.builder().build()))
                .containsExactly(new Symbol("HELLO", 3.5, "Says hello"));
    }

    @Test
    void fourScoresUseTheFirstTheSetWithoutBayesAndNetworkTests() {
        RuleSet rules = RuleSet.builder().text("t.cf", "body X /Hello/\nscore X 1.25 2 3 4").build();

        assertThat(rules.score("X")).hasValue(1.25);
    }

    @Test
    void includeReadsAFileRelativeToTheIncludingOne(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/extra.cf"), "body EXTRA /tomorrow/\n");
        Files.writeString(dir.resolve("main.cf"), "include sub/extra.cf\nscore EXTRA 2\n");

        RuleSet rules = RuleSet.load(List.of(dir.resolve("main.cf")));

        assertThat(new RulesCheck(rules).check(TestMessage.builder().build()))
                .extracting(Symbol::name).containsExactly("EXTRA");
    }

    @Test
    void conditionsKeepRulesOfAvailablePluginsAndNewEnoughVersionsOnly() {
        String cf = String.join("\n",
                "ifplugin Mail::SpamAssassin::Plugin::Nonexistent", "body SKIPPED /Hello/", "endif",
                "ifplugin Mail::SpamAssassin::Plugin::HeaderEval", "body KEPT /Hello/", "endif",
                "if (version >= 3.004000)", "body NEW /Hello/", "else", "body OLD /Hello/", "endif",
                "if can(Mail::SpamAssassin::Conf::feature_unknown)", "body FEATURE /Hello/", "endif",
                "if !plugin(Mail::SpamAssassin::Plugin::Nonexistent)", "body NO_PLUGIN /Hello/", "endif");
        RuleSet rules = RuleSet.builder().text("t.cf", cf).build();

        assertThat(rules.ruleNames()).containsExactly("KEPT", "NEW", "NO_PLUGIN");
        assertThat(rules.report().skippedByCondition()).isEqualTo(3);
    }

    @Test
    void unsupportedLinesAreCountedByReasonAndTheRestStillWorks() {
        String cf = String.join("\n", "# a comment", "body GOOD /Hello/ # trailing comment",
                "body BAD_RE /(?<=(a|bc)+)x/", "header BAD_EVAL eval:check_rbl('x', 'y.example.')",
                "report _SUMMARY_", "lang de describe GOOD Hallo", "meta BAD_META (A &&", "score GOOD x y",
                "uri_detail FOO host =~ /x/", "body 9NAME /x/", "endif");
        RuleSet rules = RuleSet.builder().text("t.cf", cf).build();

        assertThat(rules.report().unsupported()).containsEntry("look-behind Java cannot do", 1)
                .containsEntry("eval function not built in", 1).containsEntry("directive report", 1)
                .containsEntry("lang (translations are not used)", 1).containsEntry("malformed meta expression", 1)
                .containsEntry("malformed score", 1).containsEntry("directive uri_detail", 1)
                .containsEntry("malformed rule name", 1).containsEntry("endif without if", 1);
        assertThat(rules.report().problems()).extracting(LoadReport.Problem::line).contains(3, 4);
        assertThat(new RulesCheck(rules).check(TestMessage.builder().build())).extracting(Symbol::name)
                .containsExactly("GOOD");
    }

    @Test
    void aCatastrophicRegexIsAbandonedAndReportedInsteadOfHanging() {
        RuleSet rules = RuleSet.builder().text("t.cf", "body EVIL /^(a+)+$/\nbody FINE /tomorrow/").build();
        RulesCheck check = new RulesCheck(rules, new RulesLimits(100_000, Duration.ofSeconds(5)), NOW);
        SpamMessage message = TestMessage.builder().text("a".repeat(5_000) + "b tomorrow").build();

        long start = System.nanoTime();
        List<Symbol> symbols = check.check(message);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(symbols).extracting(Symbol::name).containsExactly("FINE");
        assertThat(check.overruns()).containsEntry("EVIL", 1L);
    }

    @Test
    void rulesPastTheMessageTimeBudgetAreSkippedAndTheOverrunCounted() {
        AtomicLong nanos = new AtomicLong();
        RuleSet rules = RuleSet.builder().text("t.cf", "body FIRST /Hello/\nbody SECOND /Hello/").build();
        RulesCheck check = new RulesCheck(rules, new RulesLimits(1000, Duration.ofMillis(10)), NOW,
                () -> nanos.getAndAdd(Duration.ofMillis(6).toNanos()));

        assertThat(check.check(TestMessage.builder().build())).extracting(Symbol::name).containsExactly("FIRST");
        assertThat(check.overruns()).containsEntry(RulesCheck.TIME_BUDGET, 1L);
    }

    @Test
    void gtubeScoresAThousandInTheShippedRuleset() {
        RulesCheck check = new RulesCheck(RuleSet.shipped(), RulesLimits.DEFAULTS, NOW);
        SpamMessage message = TestMessage.builder().text("test\r\n" + BuiltinChecks.GTUBE + "\r\n").build();

        assertThat(check.check(message)).filteredOn(s -> s.name().equals("GTUBE"))
                .extracting(Symbol::score).containsExactly(1000.0);
    }

    @Test
    void theShippedRulesetLoadsCompletelyAndLeavesAnOrdinaryMessageAlone() {
        RuleSet rules = RuleSet.shipped();

        assertThat(rules.report().unsupported()).isEmpty();
        assertThat(new RulesCheck(rules, RulesLimits.DEFAULTS, NOW).check(TestMessage.builder().build())).isEmpty();
    }
}
