package com.postwarden.spam.auth;

import com.postwarden.spam.dns.TestZone;
import java.security.KeyPair;
import java.util.Base64;

/**
 * The zone {@code test.} that every sender authentication test asks: SPF records of each kind, DKIM keys,
 * DMARC policies and DNS list entries. The DKIM key is made by the test that starts the server.
 */
final class AuthTestZone {
    static final String SELECTOR = "s2026";

    private AuthTestZone() {
    }

    static TestZone build(KeyPair dkimKey) {
        String publicKey = Base64.getEncoder().encodeToString(dkimKey.getPublic().getEncoded());
        return TestZone.of("test")
                // SPF
                .txt("pass", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all")
                .txt("soft", "v=spf1 ip4:192.0.2.0/24 ~all")
                .txt("neutral", "v=spf1 ?all")
                .txt("include", "v=spf1 include:pass.test -all")
                .txt("redirect", "v=spf1 redirect=pass.test")
                .txt("loop", "v=spf1 include:loop2.test -all")
                .txt("loop2", "v=spf1 include:loop.test -all")
                .txt("broken", "v=spf1 ip4:192.0.2.300 -all")
                .txt("nospf", "some other text record")
                .txt("mx1.pass", "v=spf1 a -all")
                .a("mx1.pass", "192.0.2.25")
                // DKIM: one key published for bank.test and its subdomain news.bank.test
                .txt(SELECTOR + "._domainkey.bank", "v=DKIM1; k=rsa; p=" + publicKey)
                .txt(SELECTOR + "._domainkey.news.bank", "v=DKIM1; k=rsa; p=" + publicKey)
                .txt(SELECTOR + "._domainkey.mailer", "v=DKIM1; k=rsa; p=" + publicKey)
                .txt("revoked._domainkey.bank", "v=DKIM1; k=rsa; p=")
                // DMARC
                .txt("bank", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.bank", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@bank.test")
                .txt("news.bank", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("shop", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.shop", "v=DMARC1; p=quarantine; adkim=s; aspf=s")
                .txt("blog", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.blog", "v=DMARC1; p=none")
                .txt("half", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.half", "v=DMARC1; p=reject; pct=0")
                .txt("mailer", "v=spf1 ip4:192.0.2.0/24 -all")
                // DNS lists: 192.0.2.99 and 2001:db8::99 listed, spam.test listed as a URI domain
                .a("99.2.0.192.bl", "127.0.0.2")
                .a("9.9.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl", "127.0.0.3")
                .a("spam.test.uribl", "127.0.0.2")
                .a("refused.test.uribl", "127.255.255.254");
    }
}
