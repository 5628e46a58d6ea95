package com.postwarden.spam.auth;

import com.postwarden.spam.SpamCheck;
import com.postwarden.spam.SpamMessage;
import com.postwarden.spam.Symbol;
import com.postwarden.spam.dns.DnsClient;
import com.postwarden.spam.dns.DnsSettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sender authentication as a spam check: SPF for the envelope (skipped when it has no client address), DKIM over
 * the raw message, DMARC on the author domain, and the configured DNS lists; symbols scored like SpamAssassin's
 * and an {@code Authentication-Results} value for the pipeline ({@link #evaluate}).
 *
 * <p>Exists only where DNS is configured ({@link #configured}). Thread-safe. Never throws: DNS failures become
 * {@code *_TEMPERROR} symbols scoring 0, malformed mail adds what can be judged and nothing else.
 */
public final class AuthenticationCheck implements SpamCheck {
    private final AuthenticationSettings settings;
    private final SpfChecker spf;
    private final DkimChecker dkim;
    private final DmarcEvaluator dmarc;
    private final DnsListChecker lists;

    public AuthenticationCheck(DnsClient dns, AuthenticationSettings settings, RandomGenerator dmarcSampling) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.spf = new SpfChecker(dns, settings.authservId());
        this.dkim = new DkimChecker(dns);
        this.dmarc = new DmarcEvaluator(dns, dmarcSampling);
        this.lists = new DnsListChecker(dns, settings.dnsLists());
    }

    /** The check over its own DNS client, or empty when no DNS is configured. */
    public static Optional<AuthenticationCheck> configured(Optional<DnsSettings> dns, AuthenticationSettings settings) {
        return dns.map(d -> new AuthenticationCheck(DnsClient.create(d), settings, new SecureRandom()));
    }

    @Override
    public List<Symbol> check(SpamMessage message) {
        return evaluate(message).symbols();
    }

    /** Every result for {@code message}, with its symbols and {@code Authentication-Results} value. */
    public AuthenticationReport evaluate(SpamMessage message) {
        Objects.requireNonNull(message, "message");
        List<Symbol> symbols = new ArrayList<>();
        Optional<SpfOutcome> spfOutcome = message.envelope().client()
                .map(client -> spf.check(client, message.envelope().helo(), message.envelope().mailFrom()));
        spfOutcome.ifPresent(s -> {
            symbols.add(AuthSymbols.spf(s.mailFrom()));
            s.helo().map(AuthSymbols::spfHelo).ifPresent(symbols::add);
        });
        DkimOutcome dkimOutcome = dkim.verify(message.raw());
        Optional<String> author = AuthorDomain.of(message);
        symbols.addAll(dkimSymbols(dkimOutcome, author));
        DmarcOutcome dmarcOutcome = dmarc.evaluate(author, spfOutcome, dkimOutcome);
        dmarcSymbol(dmarcOutcome).ifPresent(symbols::add);
        symbols.addAll(lists.check(message.envelope().client(), message.uris()));
        String header = AuthenticationResults.value(settings.authservId(), spfOutcome, message.envelope(),
                dkimOutcome, dmarcOutcome);
        return new AuthenticationReport(symbols, header, spfOutcome, dkimOutcome, dmarcOutcome);
    }

    private static List<Symbol> dkimSymbols(DkimOutcome outcome, Optional<String> author) {
        if (!outcome.signed()) {
            return List.of();
        }
        List<Symbol> symbols = new ArrayList<>();
        symbols.add(AuthSymbols.DKIM_SIGNED);
        if (outcome.anyPassed()) {
            symbols.add(AuthSymbols.DKIM_VALID);
            boolean fromAuthor = author.map(a -> outcome.signatures().stream().filter(DkimSignature::passed)
                    .anyMatch(s -> a.equals(s.domain()) || a.endsWith("." + s.domain()))).orElse(false);
            if (fromAuthor) {
                symbols.add(AuthSymbols.DKIM_VALID_AU);
            }
        } else if (outcome.temporaryFailure()) {
            symbols.add(AuthSymbols.DKIM_TEMPERROR);
        } else {
            symbols.add(AuthSymbols.DKIM_INVALID);
        }
        return symbols;
    }

    private static Optional<Symbol> dmarcSymbol(DmarcOutcome outcome) {
        if (outcome.fromDomain().isEmpty()) {
            return Optional.empty();
        }
        switch (outcome.result()) {
            case PASS: return Optional.of(AuthSymbols.DMARC_PASS);
            case FAIL: return Optional.of(AuthSymbols.dmarcFailure(outcome.disposition()));
            case TEMPERROR: return Optional.of(AuthSymbols.DMARC_TEMPERROR);
            default: return Optional.of(AuthSymbols.DMARC_MISSING);
        }
    }
}
