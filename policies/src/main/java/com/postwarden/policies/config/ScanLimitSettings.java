package com.postwarden.policies.config;

import java.time.Duration;

/**
 * Bounds on the work of scanning one message, past which it is unscannable rather than clean.
 *
 * @param maxDepth     containers inside containers (the message itself is depth 0)
 * @param maxEntries   entries extracted from one container
 * @param maxTotalSize bytes extracted from all containers of one message
 * @param maxEntrySize bytes of one extracted entry
 * @param maxRatio     extracted bytes per byte of the containing archive (compression bombs)
 * @param maxScanTime  wall time to scan one message
 */
public record ScanLimitSettings(int maxDepth, int maxEntries, DataSize maxTotalSize, DataSize maxEntrySize,
                                int maxRatio, Duration maxScanTime) {
}
