package com.postwarden.scan;

import com.github.benmanes.caffeine.cache.Ticker;
import com.postwarden.scan.internal.container.Unpackers;
import com.postwarden.scan.internal.content.Spooling;
import com.postwarden.scan.internal.match.SignatureMatcher;

/** What every scan of one engine shares: immutable, thread-safe. */
record EngineParts(
        SignatureMatcher matcher,
        Unpackers unpackers,
        ScanLimits limits,
        Spooling spooling,
        Ticker ticker,
        VerdictCache cache,
        HeuristicChecks heuristics,
        ExternalScans external) {
}
