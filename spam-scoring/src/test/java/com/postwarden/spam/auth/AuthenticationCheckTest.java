package com.postwarden.spam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.Envelope;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import com.postwarden.spam.dns.DnsClient;
import com.postwarden.spam.dns.DnsSettings;
import com.postwarden.spam.dns.NsdServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticationCheckTest {
    private static final String GOOD_IP = "192.0.2.10";
    private static final String BAD_IP = "198.51.100.7";
    private static NsdServer dns;
    private static KeyPair key;
    private static AuthenticationCheck check;

    @BeforeAll
    static void startDns() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        dns = NsdServer.start(AuthTestZone.build(key));
        AuthenticationSettings settings = new AuthenticationSettings("mx.postwarden.test", List.of(
                new DnsList("bl.test", DnsList.Kind.IP, "RCVD_IN_TEST_BL", 2.5),
                new DnsList("uribl.test", DnsList.Kind.URI_DOMAIN, "URIBL_TEST", 1.7)));
        check = new AuthenticationCheck(DnsClient.create(dns.settings().withCacheEntries(1000)), settings,
                new Random(1));
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @ParameterizedTest(name = "From {0} via {1}, MAIL FROM {2}, signed by {3}: {4}")
    @CsvSource({
        "alice@bank.test,      192.0.2.10,   alice@bank.test,   bank.test,   SPF_PASS DKIM_SIGNED DKIM_VALID DKIM_VALID_AU DMARC_PASS",
        "alice@bank.test,      198.51.100.7, alice@bank.test,   '',          SPF_FAIL DMARC_REJECT",
        "alice@bank.test,      198.51.100.7, alice@bank.test,   bank.test,   SPF_FAIL DKIM_SIGNED DKIM_VALID DKIM_VALID_AU DMARC_PASS",
        "alice@bank.test,      192.0.2.10,   bounce@other.test, '',          SPF_NONE DMARC_REJECT",
        "ceo@news.bank.test,   198.51.100.7, ceo@news.bank.test, '',         SPF_FAIL DMARC_QUAR",
        "ceo@news.bank.test,   198.51.100.7, ceo@news.bank.test, bank.test,  SPF_FAIL DKIM_SIGNED DKIM_VALID DKIM_VALID_AU DMARC_PASS",
        "ceo@news.bank.test,   192.0.2.10,   alice@bank.test,   '',          SPF_PASS DMARC_PASS",
        "alice@shop.test,      192.0.2.10,   alice@shop.test,   '',          SPF_PASS DMARC_PASS",
        "alice@shop.test,      198.51.100.7, alice@shop.test,   mailer.test, SPF_FAIL DKIM_SIGNED DKIM_VALID DMARC_QUAR",
        "alice@blog.test,      198.51.100.7, alice@blog.test,   '',          SPF_FAIL DMARC_NONE",
        "alice@half.test,      198.51.100.7, alice@half.test,   '',          SPF_FAIL DMARC_QUAR",
        "alice@pass.test,      192.0.2.10,   alice@pass.test,   '',          SPF_PASS DMARC_MISSING",
    })
    void symbolsFollowThePublishedRecords(String from, String client, String mailFrom, String signer,
                                          String expected) throws Exception {
        TestMail mail = TestMail.from(from);
        Envelope envelope = envelope(client, "", mailFrom);
        SpamMessage message = signer.isEmpty() ? mail.message(envelope)
                : mail.signedMessage(signer, AuthTestZone.SELECTOR, key.getPrivate(), envelope);

        assertThat(names(check.check(message))).containsExactly(expected.split(" "));
    }

    @Test
    void withoutAClientAddressSpfIsSkippedAndDkimStillCounts() throws Exception {
        SpamMessage message = TestMail.from("alice@bank.test")
                .signedMessage("bank.test", AuthTestZone.SELECTOR, key.getPrivate(), Envelope.NONE);

        AuthenticationReport report = check.evaluate(message);

        assertThat(report.spf()).isEmpty();
        assertThat(names(report.symbols())).containsExactly("DKIM_SIGNED", "DKIM_VALID", "DKIM_VALID_AU",
                "DMARC_PASS");
    }

    @Test
    void theAuthenticationResultsValueNamesEveryResult() throws Exception {
        SpamMessage message = TestMail.from("alice@bank.test").signedMessage("bank.test", AuthTestZone.SELECTOR,
                key.getPrivate(), envelope(GOOD_IP, "mx1.pass.test", "alice@bank.test"));

        String value = check.evaluate(message).authenticationResults();

        assertThat(value).startsWith("mx.postwarden.test;")
                .contains("spf=pass smtp.mailfrom=alice@bank.test")
                .contains("spf=fail smtp.helo=mx1.pass.test")
                .containsPattern("dkim=pass header.d=bank.test header.s=s2026 header.b=\\S{8}")
                .contains("dmarc=pass (p=reject dis=none) header.from=bank.test");
    }

    @Test
    void aMessageWithNothingToReportSaysNone() {
        SpamMessage message = TestMail.message("Subject: no author\r\n\r\nbody\r\n", Envelope.NONE, List.of());

        AuthenticationReport report = check.evaluate(message);

        assertThat(report.authenticationResults()).isEqualTo("mx.postwarden.test; none");
        assertThat(report.symbols()).isEmpty();
    }

    @ParameterizedTest(name = "client {0}")
    @CsvSource({"192.0.2.99", "2001:db8::99"})
    void aListedClientAddressAddsTheListsSymbol(String client) throws Exception {
        SpamMessage message = TestMail.from("alice@pass.test").message(envelope(client, "", "alice@pass.test"));

        assertThat(check.check(message)).contains(new Symbol("RCVD_IN_TEST_BL", 2.5, "Listed in bl.test"));
    }

    @Test
    void aListedUriDomainAddsTheListsSymbolOnce() throws Exception {
        SpamMessage message = TestMail.from("alice@pass.test").uri("https://www.spam.test/offer")
                .uri("http://cdn.spam.test/x.png").uri("https://ok.test/").message(Envelope.NONE);

        assertThat(check.check(message)).filteredOn(s -> s.name().equals("URIBL_TEST")).hasSize(1);
    }

    @Test
    void listErrorCodesAndUnlistedNamesAddNothing() throws Exception {
        SpamMessage message = TestMail.from("alice@pass.test").uri("https://refused.test/")
                .message(envelope(GOOD_IP, "", "alice@pass.test"));

        assertThat(names(check.check(message))).doesNotContain("URIBL_TEST", "RCVD_IN_TEST_BL");
    }

    @Test
    void whenDnsDoesNotAnswerEveryResultIsATemporaryErrorScoringNothing() throws Exception {
        AuthenticationCheck unreachable = new AuthenticationCheck(DnsClient.create(new DnsSettings(
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), SpfCheckerTest.deadPort())),
                Duration.ofMillis(300), 0, Duration.ofMinutes(1))), AuthenticationSettings.of("mx.postwarden.test"),
                new Random(1));
        SpamMessage message = TestMail.from("alice@bank.test").signedMessage("bank.test", AuthTestZone.SELECTOR,
                key.getPrivate(), envelope(GOOD_IP, "mx1.pass.test", "alice@bank.test"));

        List<Symbol> symbols = unreachable.check(message);

        assertThat(names(symbols)).containsExactly("SPF_TEMPERROR", "SPF_HELO_TEMPERROR", "DKIM_SIGNED",
                "DKIM_TEMPERROR", "DMARC_TEMPERROR");
        assertThat(symbols).filteredOn(s -> s.name().endsWith("TEMPERROR")).allSatisfy(s ->
                assertThat(s.score()).isZero());
    }

    @Test
    void withoutDnsSettingsThereIsNoCheck() {
        assertThat(AuthenticationCheck.configured(Optional.empty(), AuthenticationSettings.of("mx"))).isEmpty();
    }

    private static Envelope envelope(String client, String helo, String mailFrom) throws Exception {
        return new Envelope(Optional.of(InetAddress.getByName(client)),
                helo.isEmpty() ? Optional.empty() : Optional.of(helo), mailFrom, List.of("bob@postwarden.test"));
    }

    private static List<String> names(List<Symbol> symbols) {
        return symbols.stream().map(Symbol::name).toList();
    }
}
