package com.postwarden.spam.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationalDomainTest {

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
        "mail.example.com,        example.com",
        "Example.COM.,            example.com",
        "a.b.example.co.uk,       example.co.uk",
        "news.bank.test,          bank.test",
        "bank.test,               bank.test",
        "user.github.io,          user.github.io",
        "co.uk,                   co.uk",
    })
    void theOrganizationalDomainIsTheRegisteredDomain(String domain, String expected) {
        assertThat(OrganizationalDomain.of(domain)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} and {1} in {2} mode: {3}")
    @CsvSource({
        "news.bank.test, bank.test,      RELAXED, true",
        "news.bank.test, bank.test,      STRICT,  false",
        "bank.test,      BANK.test.,     STRICT,  true",
        "a.github.io,    b.github.io,    RELAXED, false",
        "bank.test,      '',             RELAXED, false",
    })
    void alignmentComparesOrganizationalOrExactDomains(String from, String authenticated,
                                                       DmarcRecord.Alignment mode, boolean aligned) {
        assertThat(DmarcEvaluator.aligned(from, authenticated, mode)).isEqualTo(aligned);
    }
}
