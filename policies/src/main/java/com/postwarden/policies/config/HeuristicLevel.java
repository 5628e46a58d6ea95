package com.postwarden.policies.config;

/** How a heuristic detection counts: not at all, as suspicious content, or as malware. */
public enum HeuristicLevel {
    OFF,
    SUSPICIOUS,
    MALICIOUS
}
