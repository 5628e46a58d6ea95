package com.postwarden.policies.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the {@code spam} section. */
final class SpamSettingsReader {
    private static final Pattern DNS_ZONE = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    SpamSettings read(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("enabled", "required", "subjectTag", "maxSize", "rules", "bayes", "dns"));
        boolean enabled = node.bool("enabled", true);
        double required = node.value("required", 5.0, SpamSettingsReader::score);
        String subjectTag = node.string("subjectTag", "[SPAM] ");
        if (subjectTag.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw node.problem("subjectTag", "must not hold control characters or line breaks");
        }
        DataSize maxSize = node.size("maxSize", DataSize.ofKilobytes(512), DataSize.ofKilobytes(16),
                DataSize.ofMegabytes(64));
        List<Path> rules = node.list("rules", List.of(), Path::of);
        return new SpamSettings(enabled, required, subjectTag, maxSize, rules, bayes(node.section("bayes")),
                dns(node.section("dns")));
    }

    private static SpamSettings.Bayes bayes(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("enabled", "minLearned", "autolearn", "autolearnSpam", "autolearnHam"));
        double spam = node.value("autolearnSpam", 12.0, SpamSettingsReader::score);
        double ham = node.value("autolearnHam", 0.1, SpamSettingsReader::score);
        if (ham >= spam) {
            throw node.problem("autolearnHam", "must be below autolearnSpam (" + spam + ")");
        }
        return new SpamSettings.Bayes(node.bool("enabled", true), node.integer("minLearned", 200, 1, 1_000_000),
                node.bool("autolearn", false), spam, ham);
    }

    private static SpamSettings.Dns dns(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("servers", "timeout", "authservId", "ipLists", "uriLists"));
        List<HostPort> servers = node.list("servers", List.of(), HostPort::parse);
        Duration timeout = ConfigLoader.positive(node, "timeout", node.duration("timeout", Duration.ofSeconds(3)));
        Optional<String> authservId = node.optionalString("authservId");
        List<String> ipLists = node.list("ipLists", List.of(), SpamSettingsReader::zone);
        List<String> uriLists = node.list("uriLists", List.of(), SpamSettingsReader::zone);
        return new SpamSettings.Dns(servers, timeout, authservId, ipLists, uriLists);
    }

    private static double score(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value) || Math.abs(value) > 1000) {
                throw new IllegalArgumentException("'" + text + "' is outside -1000..1000");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a score (write e.g. 5.0)");
        }
    }

    private static String zone(String text) {
        String zone = text.trim();
        if (!DNS_ZONE.matcher(zone).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a DNS zone (write e.g. zen.spamhaus.org)");
        }
        return zone;
    }
}
