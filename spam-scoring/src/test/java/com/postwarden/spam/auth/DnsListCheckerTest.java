package com.postwarden.spam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DnsListCheckerTest {

    @Test
    void anIpv4AddressIsReversedByOctets() throws Exception {
        assertThat(DnsListChecker.reversed(InetAddress.getByName("192.0.2.99"))).isEqualTo("99.2.0.192");
    }

    @Test
    void anIpv6AddressIsReversedByNibbles() throws Exception {
        assertThat(DnsListChecker.reversed(InetAddress.getByName("2001:db8::abcd")))
                .isEqualTo("d.c.b.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2");
    }

    @Test
    void uriDomainsAreRegisteredDomainsWithoutRepeatsOrAddresses() {
        assertThat(DnsListChecker.uriDomains(List.of("https://www.shop.example.co.uk/a", "http://cdn.shop.example.co.uk",
                "http://192.0.2.1/x", "mailto:someone@example.org", "not a uri", "https://[2001:db8::1]/")))
                .containsExactly("example.co.uk");
    }

    @Test
    void atMostTwentyUriDomainsAreAsked() {
        List<String> uris = IntStream.range(0, 50).mapToObj(i -> "https://host" + i + ".test/").toList();

        assertThat(DnsListChecker.uriDomains(uris)).hasSize(DnsListChecker.MAX_URI_DOMAINS);
    }
}
