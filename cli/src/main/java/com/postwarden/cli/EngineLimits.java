package com.postwarden.cli;

import com.postwarden.policies.config.ScanLimitSettings;
import com.postwarden.policies.config.ScanSettings;
import com.postwarden.scan.ScanLimits;

/** The engine's limits from the {@code scan.limits} configuration. */
public final class EngineLimits {
    private EngineLimits() {
    }

    public static ScanLimits of(ScanSettings settings) {
        ScanLimitSettings limits = settings.limits();
        return new ScanLimits(limits.maxDepth(), limits.maxEntries(), limits.maxTotalSize().bytes(),
                limits.maxEntrySize().bytes(), limits.maxRatio(), limits.maxScanTime(),
                ScanLimits.DEFAULTS.memoryThreshold());
    }
}
