package com.postwarden.policies.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Spam scoring, global until per-recipient policies exist.
 *
 * @param enabled      whether messages are scored at all
 * @param required     the score from which a message is spam ({@code X-Spam-Status: Yes}, subject tagged)
 * @param subjectTag   text put in front of the subject of spam; empty: the subject is left alone
 * @param maxSize      messages larger than this are not scored (spamc's limit, for the same reason)
 * @param ruleFiles    rule files or directories in SpamAssassin's syntax loaded after the shipped ruleset, in
 *                     order (a later file overrides a rule's score)
 * @param bayes        the statistical classifier
 * @param dns          sender authentication and DNS lists; off unless DNS servers are named
 */
public record SpamSettings(boolean enabled, double required, String subjectTag, DataSize maxSize,
                           List<Path> ruleFiles,
                           Bayes bayes, Dns dns) {
    public SpamSettings {
        Objects.requireNonNull(subjectTag, "subjectTag");
        Objects.requireNonNull(maxSize, "maxSize");
        ruleFiles = List.copyOf(ruleFiles);
        Objects.requireNonNull(bayes, "bayes");
        Objects.requireNonNull(dns, "dns");
    }

    /**
     * @param enabled        whether the classifier scores mail
     * @param minLearned     how many spam and how many ham messages must be learned before it scores
     * @param autolearn      whether mail scoring clearly as spam or ham is learned automatically
     * @param autolearnSpam  the score from which a message is learned as spam (counting rules only)
     * @param autolearnHam   the score below which a message is learned as ham (counting rules only)
     */
    public record Bayes(boolean enabled, int minLearned, boolean autolearn, double autolearnSpam,
                        double autolearnHam) {
    }

    /**
     * @param servers     DNS servers to ask (host:port); empty turns SPF, DKIM, DMARC and the lists off
     * @param timeout     bound on one DNS query
     * @param authservId  the name in {@code Authentication-Results:}; empty: the SMTP hostname
     * @param ipLists     DNS blocklists for the client address, e.g. {@code zen.spamhaus.org}
     * @param uriLists    DNS blocklists for domains in links, e.g. {@code dbl.spamhaus.org}
     */
    public record Dns(List<HostPort> servers, Duration timeout, Optional<String> authservId, List<String> ipLists,
                      List<String> uriLists) {
        public Dns {
            servers = List.copyOf(servers);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(authservId, "authservId");
            ipLists = List.copyOf(ipLists);
            uriLists = List.copyOf(uriLists);
        }

        public boolean enabled() {
            return !servers.isEmpty();
        }
    }
}
