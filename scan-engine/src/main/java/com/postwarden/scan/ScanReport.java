package com.postwarden.scan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scan: the verdict, every finding behind it, and what it cost.
 *
 * @param verdict the worst of the findings, {@link Verdict.Clean} when there are none
 * @param findings every non-clean verdict noted during the scan (detections, heuristic findings, unscannable
 *     parts), in the order first noted, without duplicates, at most {@link #MAX_FINDINGS}
 * @param bytesScanned bytes the matcher looked at, the scanned object and every extracted entry
 * @param objectsScanned the scanned object plus every entry extracted from it, at any depth
 * @param skipped each external engine that did not scan an attachment, and why (never counted as clean)
 * @param externalScans attachments sent to external engines and answered, one per engine and attachment (cache
 *     hits send nothing)
 */
public record ScanReport(Verdict verdict, List<Verdict> findings, long bytesScanned, int objectsScanned,
                         Duration elapsed, List<EngineSkip> skipped, int externalScans) {
    /** Findings kept per scan; a scan reporting more is cut here (the worst verdict is always kept). */
    public static final int MAX_FINDINGS = 32;

    public ScanReport {
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        Objects.requireNonNull(elapsed, "elapsed");
        skipped = List.copyOf(skipped);
    }

    /** Whether a required external engine did not scan some attachment: the scan is then incomplete. */
    public boolean requiredEngineSkipped() {
        return skipped.stream().anyMatch(EngineSkip::required);
    }

    /** A report whose only finding is its verdict (none when clean). */
    public ScanReport(Verdict verdict, long bytesScanned, int objectsScanned, Duration elapsed) {
        this(verdict, verdict instanceof Verdict.Clean ? List.of() : List.of(verdict), bytesScanned, objectsScanned,
                elapsed, List.of(), 0);
    }
}
