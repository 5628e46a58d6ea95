package com.postwarden.spam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.spam.dns.DnsClient;
import com.postwarden.spam.dns.DnsSettings;
import com.postwarden.spam.dns.NsdServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpfCheckerTest {
    private static NsdServer dns;
    private static SpfChecker spf;

    @BeforeAll
    static void startDns() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        dns = NsdServer.start(AuthTestZone.build(generator.generateKeyPair()));
        spf = new SpfChecker(DnsClient.create(dns.settings()), "mx.postwarden.test");
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    @ParameterizedTest(name = "{1} from {0} is {2}")
    @CsvSource({
        "192.0.2.10,    alice@pass.test,     PASS",
        "198.51.100.7,  alice@pass.test,     FAIL",
        "2001:db8::7,   alice@pass.test,     PASS",
        "198.51.100.7,  alice@soft.test,     SOFTFAIL",
        "198.51.100.7,  alice@neutral.test,  NEUTRAL",
        "192.0.2.10,    alice@include.test,  PASS",
        "198.51.100.7,  alice@include.test,  FAIL",
        "192.0.2.10,    alice@redirect.test, PASS",
        "198.51.100.7,  alice@redirect.test, FAIL",
        "192.0.2.10,    alice@loop.test,     PERMERROR",
        "192.0.2.10,    alice@broken.test,   PERMERROR",
        "192.0.2.10,    alice@nospf.test,    NONE",
        "192.0.2.10,    alice@nowhere.test,  NONE",
    })
    void theMailFromIdentityGetsTheResultItsDomainPublishes(String client, String mailFrom, SpfVerdict expected)
            throws Exception {
        SpfOutcome outcome = spf.check(InetAddress.getByName(client), Optional.of("client.example"), mailFrom);

        assertThat(outcome.mailFrom()).isEqualTo(expected);
        assertThat(outcome.mailFromDomain()).isEqualTo(mailFrom.substring(mailFrom.indexOf('@') + 1));
    }

    @Test
    void theHeloIdentityIsCheckedBesideMailFrom() throws Exception {
        SpfOutcome outcome = spf.check(InetAddress.getByName("192.0.2.25"), Optional.of("mx1.pass.test"),
                "alice@soft.test");

        assertThat(outcome.helo()).contains(SpfVerdict.PASS);
        assertThat(outcome.mailFrom()).isEqualTo(SpfVerdict.PASS);
    }

    @Test
    void aHeloFromAnotherAddressFails() throws Exception {
        SpfOutcome outcome = spf.check(InetAddress.getByName("192.0.2.26"), Optional.of("mx1.pass.test"),
                "alice@pass.test");

        assertThat(outcome.helo()).contains(SpfVerdict.FAIL);
    }

    @Test
    void theNullSenderIsCheckedWithTheHeloName() throws Exception {
        SpfOutcome outcome = spf.check(InetAddress.getByName("192.0.2.26"), Optional.of("mx1.pass.test"), "");

        assertThat(outcome.mailFrom()).isEqualTo(SpfVerdict.FAIL);
        assertThat(outcome.mailFromDomain()).isEqualTo("mx1.pass.test");
    }

    @Test
    void anAddressLiteralHeloHasNoHeloResult() throws Exception {
        SpfOutcome outcome = spf.check(InetAddress.getByName("192.0.2.10"), Optional.of("[192.0.2.10]"),
                "alice@pass.test");

        assertThat(outcome.helo()).isEmpty();
        assertThat(outcome.mailFrom()).isEqualTo(SpfVerdict.PASS);
    }

    @Test
    void aDnsServerThatDoesNotAnswerGivesATemporaryError() throws Exception {
        SpfChecker unreachable = new SpfChecker(DnsClient.create(new DnsSettings(
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), deadPort())),
                Duration.ofMillis(300), 0, Duration.ofMinutes(1))), "mx.postwarden.test");

        SpfOutcome outcome = unreachable.check(InetAddress.getByName("192.0.2.10"), Optional.empty(),
                "alice@pass.test");

        assertThat(outcome.mailFrom()).isEqualTo(SpfVerdict.TEMPERROR);
    }

    /** A UDP port on loopback nobody listens on: bound and closed at once. */
    static int deadPort() throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
