package com.postwarden.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on the work one scan may do. Past any of them the verdict is {@link Verdict.Unscannable} with the
 * reason, never clean. The defaults follow ClamAV's (MaxRecursion 16, MaxFiles 10000, MaxScanSize 400 MB,
 * MaxFileSize 100 MB, MaxScanTime 120 s) so results compare.
 *
 * @param maxDepth containers inside containers; the scanned object is depth 0
 * @param maxEntries entries extracted from one container
 * @param maxTotalBytes bytes extracted from all containers of one scan
 * @param maxEntrySize bytes of one extracted entry
 * @param maxRatio extracted bytes per byte of the container an entry came from (compression bombs)
 * @param maxScanTime wall time of one scan
 * @param memoryThreshold entries larger than this are spooled to a temporary file rather than held on the heap
 */
public record ScanLimits(
        int maxDepth,
        int maxEntries,
        long maxTotalBytes,
        long maxEntrySize,
        int maxRatio,
        Duration maxScanTime,
        int memoryThreshold) {

    public static final ScanLimits DEFAULTS =
            new ScanLimits(16, 10_000, 400L << 20, 100L << 20, 1_000, Duration.ofSeconds(120), 1 << 20);

    public ScanLimits {
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxEntries, "maxEntries");
        requirePositive(maxTotalBytes, "maxTotalBytes");
        requirePositive(maxEntrySize, "maxEntrySize");
        requirePositive(maxRatio, "maxRatio");
        requirePositive(memoryThreshold, "memoryThreshold");
        Objects.requireNonNull(maxScanTime, "maxScanTime");
        if (maxScanTime.isNegative() || maxScanTime.isZero()) {
            throw new IllegalArgumentException("maxScanTime must be positive, was " + maxScanTime);
        }
        if (maxEntrySize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxEntrySize must be below 2 GB, was " + maxEntrySize);
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
