package com.postwarden.spam.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinChecksTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> checks() {
        return Stream.of(
                hit("check_for_mime_html_only()", m -> m.html("<p>Only <b>HTML</b></p>")),
                miss("check_for_mime_html_only()", m -> m),
                hit("check_link_text_mismatch()",
                        m -> m.html("<a href=\"http://evil.example.net/login\">www.mybank.example.com</a>")),
                miss("check_link_text_mismatch()",
                        m -> m.html("<a href=\"https://login.mybank.example.com/x\">www.mybank.example.com</a>")),
                miss("check_link_text_mismatch()", m -> m.html("<a href=\"http://evil.example.net/\">Log in</a>")),
                hit("check_url_shortener()", m -> m.text("see https://bit.ly/3abc now")),
                miss("check_url_shortener()", m -> m.text("see https://example.org/bit.ly now")),
                hit("check_mixed_script_words(1)", m -> m.text("Your P\u0430yPal account")),
                miss("check_mixed_script_words(1)", m -> m.text("Привет, Alice: a word in Russian")),
                hit("check_invisible_characters(3)", m -> m.text("Fr\u200Bee v\u200Ci\u00ADagra")),
                miss("check_invisible_characters(3)", m -> m.text("An ordi\u00ADnary hyphenation")),
                hit("check_from_reply_to_domain_mismatch()", m -> m.header("Reply-To", "x@collector.example.net")),
                miss("check_from_reply_to_domain_mismatch()", m -> m.header("Reply-To", "alice@lists.example.org")),
                hit("check_missing_header('Date')", m -> m.without("Date")),
                miss("check_missing_header('Date')", m -> m),
                hit("check_suspicious_message_id()", m -> m.header("Message-ID", "1234567890")),
                hit("check_suspicious_message_id()", m -> m.header("Message-ID", "<@example.org>")),
                miss("check_suspicious_message_id()", m -> m.header("Message-ID", "<abc.123@localhost>")),
                hit("check_date_in_future(24)", m -> m.header("Date", "Tue, 24 Nov 2026 12:00:00 +0000")),
                miss("check_date_in_future(24)", m -> m.header("Date", "Sun, 22 Nov 2026 23:00:00 +0000")),
                hit("check_date_in_past(30)", m -> m.header("Date", "Fri, 16 Oct 2026 12:00:00 +0000")),
                miss("check_date_in_past(30)", m -> m.header("Date", "Sat, 7 Nov 2026 12:00:00 +0000")),
                hit("check_date_in_future(24)", m -> m.header("Date", "Sun, 22 Nov 2026 10:00:00 +0000")
                        .header("Received", "from a by b; Fri, 20 Nov 2026 08:00:00 +0000")),
                hit("check_unparsable_date()", m -> m.header("Date", "yesterday at noon")),
                miss("check_unparsable_date()", m -> m.header("Date", "22 Nov 2026 10:00:00 -0500 (EST)")),
                hit("check_list_unsubscribe_without_list_id()",
                        m -> m.header("List-Unsubscribe", "<mailto:u@example.org>")),
                miss("check_list_unsubscribe_without_list_id()", m -> m
                        .header("List-Unsubscribe", "<mailto:u@example.org>").header("List-Id", "<l.example.org>")),
                hit("check_precedence_bulk()", m -> m.header("Precedence", "bulk")),
                miss("check_precedence_bulk()", m -> m.header("Precedence", "list")),
                hit("check_lookalike_domain()", m -> m.header("From", "Service <service@paypa1.com>")),
                hit("check_lookalike_domain()", m -> m.text("log in at http://www.paypal.com.secure-login.example/")),
                hit("check_lookalike_domain()", m -> m.text("log in at https://arnazon.com/")),
                hit("check_lookalike_domain()", m -> m.text("log in at https://micros0ft.com/")),
                miss("check_lookalike_domain()", m -> m.text("log in at https://www.paypal.com/ or amazon.co.uk")),
                hit("check_punycode_mixed_scripts()", m -> m.text("see http://xn--pypal-4ve.com/")),
                miss("check_punycode_mixed_scripts()", m -> m.text("see http://xn--mnchen-3ya.de/")),
                hit("check_gtube()", m -> m.text("x " + BuiltinChecks.GTUBE + " y")));
    }

    private static Arguments hit(String call, UnaryOperator<TestMessage> message) {
        return Arguments.of(call, message.apply(TestMessage.builder()).raw(), true);
    }

    private static Arguments miss(String call, UnaryOperator<TestMessage> message) {
        return Arguments.of(call, message.apply(TestMessage.builder()).raw(), false);
    }

    @ParameterizedTest(name = "{0} hits: {2}")
    @MethodSource("checks")
    void eachBuiltInCheckHitsOnlyWhatItDescribes(String call, String raw, boolean expected) {
        RuleSet rules = RuleSet.builder().text("t.cf", "body CHECK eval:" + call).build();
        SpamMessage message = new com.postwarden.spam.message.MessageReader()
                .read(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), com.postwarden.spam.Envelope.NONE);

        List<Symbol> symbols = new RulesCheck(rules, RulesLimits.DEFAULTS, NOW).check(message);

        assertThat(symbols.stream().anyMatch(s -> s.name().equals("CHECK"))).isEqualTo(expected);
    }
}
