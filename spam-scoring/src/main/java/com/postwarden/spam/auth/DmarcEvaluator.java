package com.postwarden.spam.auth;

import com.postwarden.spam.dns.DnsClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Evaluates DMARC (RFC 7489 section 6.6): finds the policy record of the author domain, falling back to its
 * organizational domain, checks identifier alignment of the SPF and DKIM passes, and applies {@code pct}.
 * Thread-safe when its random source is ({@link java.util.Random} and {@link java.security.SecureRandom} are).
 * Never throws.
 */
public final class DmarcEvaluator {
    private final DnsClient dns;
    private final RandomGenerator sampling;

    public DmarcEvaluator(DnsClient dns, RandomGenerator sampling) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.sampling = Objects.requireNonNull(sampling, "sampling");
    }

    /**
     * @param fromDomain the author domain; empty when the message has no single one
     * @param spf        the SPF outcome; empty when SPF was not checked (no client address)
     * @param dkim       the DKIM outcome
     */
    public DmarcOutcome evaluate(Optional<String> fromDomain, Optional<SpfOutcome> spf, DkimOutcome dkim) {
        if (fromDomain.isEmpty()) {
            return new DmarcOutcome(DmarcResult.NONE, fromDomain, Optional.empty(), DmarcPolicy.NONE);
        }
        String domain = fromDomain.get();
        String organization = OrganizationalDomain.of(domain);
        Lookup lookup = find(domain);
        boolean subdomain = false;
        if (lookup.record().isEmpty() && !lookup.failed() && !organization.equals(domain)) {
            lookup = find(organization);
            subdomain = true;
        }
        if (lookup.failed()) {
            return new DmarcOutcome(DmarcResult.TEMPERROR, fromDomain, Optional.empty(), DmarcPolicy.NONE);
        }
        if (lookup.record().isEmpty()) {
            return new DmarcOutcome(DmarcResult.NONE, fromDomain, Optional.empty(), DmarcPolicy.NONE);
        }
        DmarcRecord record = lookup.record().get();
        DmarcPolicy policy = subdomain ? record.subdomainPolicy().orElse(record.policy()) : record.policy();
        if (dkimAligned(domain, dkim, record.dkimAlignment()) || spfAligned(domain, spf, record.spfAlignment())) {
            return new DmarcOutcome(DmarcResult.PASS, fromDomain, Optional.of(policy), DmarcPolicy.NONE);
        }
        boolean applied = record.percent() == 100 || sampling.nextInt(100) < record.percent();
        return new DmarcOutcome(DmarcResult.FAIL, fromDomain, Optional.of(policy),
                applied ? policy : policy.sampledOut());
    }

    private Lookup find(String domain) {
        DnsClient.TxtAnswer answer = dns.txt("_dmarc." + domain);
        if (answer.failed()) {
            return new Lookup(Optional.empty(), true);
        }
        List<String> candidates = answer.texts().stream().filter(DmarcRecord::looksLikeDmarc).toList();
        // RFC 7489 section 6.6.3: anything but exactly one record means no policy
        if (candidates.size() != 1) {
            return new Lookup(Optional.empty(), false);
        }
        return new Lookup(DmarcRecord.parse(candidates.get(0)), false);
    }

    private static boolean dkimAligned(String from, DkimOutcome dkim, DmarcRecord.Alignment mode) {
        return dkim.signatures().stream().filter(DkimSignature::passed)
                .anyMatch(s -> aligned(from, s.domain(), mode));
    }

    private static boolean spfAligned(String from, Optional<SpfOutcome> spf, DmarcRecord.Alignment mode) {
        return spf.filter(s -> s.mailFrom() == SpfVerdict.PASS)
                .map(s -> aligned(from, s.mailFromDomain(), mode)).orElse(false);
    }

    static boolean aligned(String from, String authenticated, DmarcRecord.Alignment mode) {
        String a = OrganizationalDomain.normalize(from);
        String b = OrganizationalDomain.normalize(authenticated);
        if (b.isEmpty()) {
            return false;
        }
        return mode == DmarcRecord.Alignment.STRICT ? a.equals(b) : OrganizationalDomain.sameOrganization(a, b);
    }

    private record Lookup(Optional<DmarcRecord> record, boolean failed) {
    }
}
