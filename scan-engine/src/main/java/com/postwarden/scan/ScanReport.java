package com.postwarden.scan;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one scan: the verdict, and what it cost.
 *
 * @param bytesScanned bytes the matcher looked at, the scanned object and every extracted entry
 * @param objectsScanned the scanned object plus every entry extracted from it, at any depth
 */
public record ScanReport(Verdict verdict, long bytesScanned, int objectsScanned, Duration elapsed) {
    public ScanReport {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
