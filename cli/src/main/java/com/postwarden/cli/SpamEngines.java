package com.postwarden.cli;

import com.postwarden.policies.config.SpamSettings;
import com.postwarden.spam.SpamCheck;
import com.postwarden.spam.SpamEngine;
import com.postwarden.spam.SpamScorer;
import com.postwarden.spam.auth.AuthenticationCheck;
import com.postwarden.spam.auth.AuthenticationSettings;
import com.postwarden.spam.auth.DnsList;
import com.postwarden.spam.bayes.AutolearnPolicy;
import com.postwarden.spam.bayes.BayesCheck;
import com.postwarden.spam.bayes.BayesLearner;
import com.postwarden.spam.bayes.BayesScores;
import com.postwarden.spam.bayes.ClassifierSettings;
import com.postwarden.spam.bayes.TokenStore;
import com.postwarden.spam.bayes.Tokenizer;
import com.postwarden.spam.dns.DnsSettings;
import com.postwarden.spam.message.MessageReader;
import com.postwarden.spam.rules.RuleSet;
import com.postwarden.spam.rules.RulesCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Spam scoring as the {@code spam} configuration describes it, for the daemon and the command line alike. */
public final class SpamEngines {
    /** A DNS-listed client or link adds this much; a list's own score can be set in a rule file later. */
    static final double LISTED_SCORE = 3.0;

    private SpamEngines() {
    }

    /** The shipped ruleset followed by the configured rule files, in order. */
    public static RuleSet rules(SpamSettings settings) throws IOException {
        RuleSet.Builder builder = RuleSet.builder().shipped();
        for (Path path : settings.ruleFiles()) {
            builder.path(path);
        }
        return builder.build();
    }

    /**
     * An engine with the rules, the classifier over {@code tokens} (when enabled), and sender authentication when
     * DNS servers are configured.
     *
     * @param hostname the gateway's name, the {@code Authentication-Results} authserv-id unless configured
     */
    public static SpamEngine build(SpamSettings settings, RuleSet rules, TokenStore tokens, String hostname) {
        List<SpamCheck> checks = new ArrayList<>();
        checks.add(new RulesCheck(rules));
        if (settings.bayes().enabled()) {
            checks.add(new BayesCheck(tokens, new Tokenizer(), ClassifierSettings.DEFAULTS, BayesScores.DEFAULTS,
                    settings.bayes().minLearned()));
        }
        Optional<BayesLearner> autolearner = settings.bayes().enabled() && settings.bayes().autolearn()
                ? Optional.of(new BayesLearner(tokens, new Tokenizer(), Clock.systemUTC(), new AutolearnPolicy(true,
                        settings.bayes().autolearnSpam(), settings.bayes().autolearnHam())))
                : Optional.empty();
        return new SpamEngine(new MessageReader(), new SpamScorer(checks, settings.required()),
                authentication(settings.dns(), hostname), autolearner);
    }

    private static Optional<AuthenticationCheck> authentication(SpamSettings.Dns dns, String hostname) {
        if (!dns.enabled()) {
            return Optional.empty();
        }
        List<InetSocketAddress> servers = dns.servers().stream()
                .map(server -> new InetSocketAddress(server.host(), server.port())).toList();
        DnsSettings dnsSettings = DnsSettings.of(servers).withTimeout(dns.timeout());
        List<DnsList> lists = new ArrayList<>();
        dns.ipLists().forEach(zone -> lists.add(new DnsList(zone, DnsList.Kind.IP, symbol("RCVD_IN_", zone),
                LISTED_SCORE)));
        dns.uriLists().forEach(zone -> lists.add(new DnsList(zone, DnsList.Kind.URI_DOMAIN, symbol("URIBL_", zone),
                LISTED_SCORE)));
        AuthenticationSettings settings = new AuthenticationSettings(dns.authservId().orElse(hostname), lists);
        return AuthenticationCheck.configured(Optional.of(dnsSettings), settings);
    }

    /** {@code RCVD_IN_ZEN_SPAMHAUS_ORG} for {@code zen.spamhaus.org}. */
    static String symbol(String prefix, String zone) {
        return prefix + zone.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
