package com.postwarden.policies.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and validates the {@code scan} section. */
final class ScanSettingsReader {

    ScanSettings read(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("enabled", "database", "reloadInterval", "unscannable", "limits", "cache", "heuristics",
                "external"));
        boolean enabled = node.bool("enabled", true);
        Optional<Path> database = node.has("database")
                ? Optional.of(node.value("database", null, Path::of)) : Optional.empty();
        Duration reload = ConfigLoader.positive(node, "reloadInterval",
                node.duration("reloadInterval", Duration.ofSeconds(60)));
        ScanSettings.UnscannableAction unscannable =
                node.choice("unscannable", ScanSettings.UnscannableAction.PASS, ScanSettings.UnscannableAction.class);
        ConfigNode cache = node.section("cache");
        cache.allowOnly(Set.of("entries", "expiry"));
        int cacheEntries = cache.integer("entries", 10_000, 0, 10_000_000);
        Duration cacheExpiry = ConfigLoader.positive(cache, "expiry", cache.duration("expiry", Duration.ofHours(1)));
        return new ScanSettings(enabled, database, reload, unscannable, limits(node.section("limits")),
                cacheEntries, cacheExpiry, heuristics(node.section("heuristics")),
                new ExternalEngineReader().read(node.sections("external")));
    }

    /** Levels by detection name; whether a name exists is for the engine to say, so it is checked where built. */
    private static Map<String, HeuristicLevel> heuristics(ConfigNode node) throws ConfigException {
        Map<String, HeuristicLevel> levels = new LinkedHashMap<>();
        for (String name : node.keys()) {
            if (!name.startsWith("Heuristic.")) {
                throw node.problem(name, "not a heuristic detection name (they start with 'Heuristic.')");
            }
            levels.put(name, node.choice(name, null, HeuristicLevel.class));
        }
        return Collections.unmodifiableMap(levels);
    }

    private static ScanLimitSettings limits(ConfigNode node) throws ConfigException {
        node.allowOnly(Set.of("maxDepth", "maxEntries", "maxTotalSize", "maxEntrySize", "maxRatio", "maxScanTime"));
        return new ScanLimitSettings(
                node.integer("maxDepth", 16, 1, 64),
                node.integer("maxEntries", 10_000, 1, 1_000_000),
                node.size("maxTotalSize", DataSize.ofMegabytes(400), DataSize.ofKilobytes(64), DataSize.ofMegabytes(64 * 1024)),
                node.size("maxEntrySize", DataSize.ofMegabytes(100), DataSize.ofKilobytes(64), DataSize.ofMegabytes(2047)),
                node.integer("maxRatio", 1000, 10, 1_000_000),
                ConfigLoader.positive(node, "maxScanTime", node.duration("maxScanTime", Duration.ofSeconds(120))));
    }
}
