package com.postwarden.spam.rules;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.spam.Symbol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Feeds arbitrary text to the rule file parser and runs what it compiled on a real message: loading never throws
 * (bad lines are reported), and evaluation never throws. Seeds in {@code CfParserFuzzTestInputs/} are rule
 * files in SpamAssassin's syntax, good and broken.
 */
class CfParserFuzzTest {
    private static final com.postwarden.spam.SpamMessage MESSAGE = TestMessage.builder()
            .html("<p>Hello <a href=\"http://x.example/\">there</a></p>").build();

    @FuzzTest(maxDuration = "5m")
    void anyRuleTextLoadsAndEvaluatesWithoutThrowing(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        RuleSet rules = RuleSet.builder().text("fuzz.cf", text).build();
        RulesCheck check = new RulesCheck(rules, new RulesLimits(100_000, Duration.ofSeconds(1)),
                java.time.Clock.systemUTC());
        List<Symbol> symbols = check.check(MESSAGE);
        if (symbols.size() > rules.activeRules()) {
            throw new AssertionError("more symbols than rules");
        }
    }
}
