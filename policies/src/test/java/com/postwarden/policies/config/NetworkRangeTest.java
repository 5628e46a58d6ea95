package com.postwarden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "127.0.0.0/8, 127.1.2.3, true",
            "127.0.0.0/8, 128.0.0.1, false",
            "192.0.2.0/25, 192.0.2.127, true",
            "192.0.2.0/25, 192.0.2.128, false",
            "192.0.2.7, 192.0.2.7, true",
            "0.0.0.0/0, 203.0.113.9, true",
            "::1/128, ::1, true",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/33, 2001:db8:8000::1, false",
            "::/0, 127.0.0.1, false",
    })
    void membershipFollowsThePrefix(String cidr, String address, boolean expected) throws Exception {
        assertThat(NetworkRange.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "10.0.0.0/33", "10.0.0/8", "::1/129", "1.2.3.4/x", ""})
    void nonLiteralsAndBadPrefixesAreRefused(String text) {
        assertThatThrownBy(() -> NetworkRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"512,512", "64KB,65536", "50MB,52428800", "2gb,2147483648", "7 K,7168"})
    void sizesUseBinaryUnits(String text, long bytes) {
        assertThat(DataSize.parse(text).bytes()).isEqualTo(bytes);
    }
}
