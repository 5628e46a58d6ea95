package com.postwarden.spam.auth;

import com.postwarden.spam.dns.DnsClient;
import java.util.List;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;

/**
 * Gives jDKIM the key records at {@code selector._domainkey.domain} (RFC 6376 section 3.6.2.1) through our
 * {@link DnsClient}: no answer is a temporary failure, no record a permanent one.
 */
final class DkimKeyRetriever implements PublicKeyRecordRetriever {
    private final DnsClient dns;

    DkimKeyRetriever(DnsClient dns) {
        this.dns = dns;
    }

    @Override
    public List<String> getRecords(CharSequence methodAndOptions, CharSequence selector, CharSequence token)
            throws TempFailException, PermFailException {
        if (!"dns/txt".contentEquals(methodAndOptions)) {
            throw new PermFailException("only dns/txt key retrieval is supported, not " + methodAndOptions);
        }
        String name = selector + "._domainkey." + token;
        DnsClient.TxtAnswer answer = dns.txt(name);
        if (answer.failed()) {
            throw new TempFailException("no DNS answer for " + name + ": " + answer.failure().orElse(""));
        }
        if (answer.texts().isEmpty()) {
            throw new PermFailException("no key record at " + name);
        }
        return answer.texts();
    }
}
