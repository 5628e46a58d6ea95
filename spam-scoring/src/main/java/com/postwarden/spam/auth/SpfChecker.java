package com.postwarden.spam.auth;

import com.postwarden.spam.dns.DnsClient;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.SPF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates SPF (RFC 7208) with Apache James jSPF for the client IP, HELO name and MAIL FROM of a delivery, asking
 * DNS through our {@link DnsClient}. Thread-safe: jSPF keeps the state of one evaluation in its own session.
 * Never throws: what jSPF cannot evaluate is {@code permerror}, what DNS cannot answer is {@code temperror}.
 */
public final class SpfChecker {
    private static final Logger LOG = LoggerFactory.getLogger(SpfChecker.class);
    /** A HELO that is an address literal or no dotted name has no SPF identity (RFC 7208 section 2.3). */
    private static final Pattern HELO_NAME = Pattern.compile("(?i)[a-z0-9_](?:[a-z0-9_-]{0,62}\\.)*"
            + "[a-z0-9_-]{0,62}[a-z0-9]\\.?");
    /** RFC 5321 section 4.5.3.1: a domain is at most 255 octets. */
    private static final int MAX_DOMAIN_LENGTH = 255;

    private final SPF spf;

    public SpfChecker(DnsClient dns, String receivingHost) {
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(receivingHost, "receivingHost");
        JspfDnsService service = new JspfDnsService(dns, receivingHost);
        this.spf = new SPF(service, new SynchronousSPFExecutor(service));
        // only RFC 7208 evaluation: no best-guess record, no trusted-forwarder whitelist
        this.spf.setUseBestGuess(false);
        this.spf.setUseTrustedForwarder(false);
    }

    /** The SPF results of a client at {@code client} that said {@code helo} and {@code MAIL FROM:<mailFrom>}. */
    public SpfOutcome check(InetAddress client, Optional<String> helo, String mailFrom) {
        Objects.requireNonNull(client, "client");
        Optional<String> heloName = helo.map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> h.length() <= MAX_DOMAIN_LENGTH && HELO_NAME.matcher(h).matches());
        String ip = client.getHostAddress();
        Optional<SpfVerdict> heloVerdict = heloName.map(h -> evaluate(ip, "", h));
        String sender = mailFrom == null ? "" : mailFrom.trim();
        int at = sender.lastIndexOf('@');
        if (sender.isEmpty() || at < 0) {
            // RFC 7208 section 2.4: for the null sender the MAIL FROM check is the HELO check
            return new SpfOutcome(heloVerdict.orElse(SpfVerdict.NONE), heloName.orElse(""), heloVerdict);
        }
        String domain = sender.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN_LENGTH) {
            return new SpfOutcome(SpfVerdict.NONE, "", heloVerdict);
        }
        return new SpfOutcome(evaluate(ip, sender, heloName.orElse(domain)), domain, heloVerdict);
    }

    private SpfVerdict evaluate(String ip, String mailFrom, String helo) {
        try {
            SPFResult result = spf.checkSPF(ip, mailFrom, helo);
            return SpfVerdict.fromJspf(result.getResult());
        } catch (RuntimeException e) {
            LOG.debug("SPF evaluation for {} from {} failed", mailFrom, ip, e);
            return SpfVerdict.PERMERROR;
        }
    }
}
