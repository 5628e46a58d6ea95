package com.postwarden.scan;

import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import com.postwarden.scan.internal.match.MatchResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan: walks an object and everything extracted from it, depth first, keeping the worst verdict, every
 * finding, and the budget of bytes, time and entries. Each object is matched against the signatures, then
 * examined by the heuristics, then unpacked. Stops as soon as something is detected (a signature, or a heuristic
 * configured malicious); suspicious findings are noted and the scan goes on. Confined to the scanning thread.
 *
 * <p>Cached verdicts ({@link VerdictCache}) hold an object's signature result and everything found below it, but
 * not the heuristic findings on the object itself: those depend on its name and declared type, which differ
 * between two copies of the same bytes, so they are examined again on every hit.
 */
final class ScanRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);

    private final EngineParts parts;
    private final long deadlineNanos;
    private final Findings findings = new Findings(ScanReport.MAX_FINDINGS);
    /** The types of the containers being unpacked, outermost first. */
    private final ArrayDeque<FileType> containers = new ArrayDeque<>();
    private Verdict verdict = Verdict.clean();
    /** What is noted for the cache while an object with a cache key is scanned; null otherwise. */
    private Findings recording;
    private final List<EngineSkip> skipped = new ArrayList<>();
    private int externalScans;
    private long bytesScanned;
    private long bytesExtracted;
    private int objectsScanned;
    private boolean stopped;

    ScanRun(EngineParts parts) {
        this.parts = parts;
        this.deadlineNanos = parts.ticker().read() + parts.limits().maxScanTime().toNanos();
    }

    /** Scans one object and, recursively, its entries; returns the verdict for this object's subtree. */
    Verdict scanObject(Content content, ContainerPath path) {
        return scanObject(content, path, null, "");
    }

    /** As {@link #scanObject(Content, ContainerPath)}, with the type known beforehand ({@code null}: detect it). */
    Verdict scanObject(Content content, ContainerPath path, FileType knownType) {
        return scanObject(content, path, knownType, "");
    }

    /**
     * As {@link #scanObject(Content, ContainerPath, FileType)}, for an object whose container declared a media type
     * for it ({@code declaredType}, lower case without parameters; empty when none).
     */
    Verdict scanObject(Content content, ContainerPath path, FileType knownType, String declaredType) {
        if (outOfTime(path)) {
            return verdict;
        }
        Verdict before = verdict;
        verdict = Verdict.clean();
        Optional<VerdictCache.Key> key = parts.cache().keyFor(content, path);
        VerdictCache.Lookup lookup = key.map(k -> parts.cache().lookupOrClaim(k, path, timeLeft()))
                .orElse(null);
        if (lookup != null && lookup.hit().isPresent()) {
            replay(lookup.hit().get(), content, path, knownType, declaredType);
        } else if (key.isPresent()) {
            Findings outer = recording;
            Findings mine = new Findings(ScanReport.MAX_FINDINGS);
            recording = mine;
            int skipsBefore = skipped.size();
            boolean claimed = lookup.claimed();
            try {
                scanUncached(content, path, knownType, declaredType, true);
                consultExternalEngines(content, path);
                // a scan cut short by time, total size or a heuristic on this object, or an external engine that
                // did not scan it, says nothing final about it
                boolean complete = (!stopped || mine.worst() instanceof Verdict.Infected)
                        && skipped.size() == skipsBefore;
                if (complete) {
                    parts.cache().store(key.get(), path, mine.worst(), mine.list());
                }
            } finally {
                recording = outer;
                if (claimed) {
                    parts.cache().release(key.get());
                }
            }
            if (outer != null) {
                mine.list().forEach(outer::add);
            }
        } else {
            scanUncached(content, path, knownType, declaredType, false);
            consultExternalEngines(content, path);
        }
        Verdict subtree = verdict;
        verdict = Verdict.worse(before, subtree);
        return subtree;
    }

    /** Sends an attachment (a direct entry of the scanned object) to the external engines unless already decided. */
    private void consultExternalEngines(Content content, ContainerPath path) {
        if (path.depth() != 1 || parts.external().isEmpty() || stopped || verdict instanceof Verdict.Infected) {
            return;
        }
        Verdict found = parts.external().scan(content, path, () -> externalScans++, skipped::add);
        if (found instanceof Verdict.Infected) {
            note(found);
            stopped = true;
        }
    }

    private void replay(VerdictCache.Scanned hit, Content content, ContainerPath path, FileType knownType,
                        String declaredType) {
        boolean detected = hit.verdict() instanceof Verdict.Infected;
        if (!detected && parts.heuristics().examinesObjects()) {
            FileType type = knownType != null ? knownType : FileTypes.detect(content);
            examine(content, type, path, declaredType, false);
            if (stopped) {
                return;
            }
        }
        hit.findings().forEach(this::note);
        note(hit.verdict());
        if (detected) {
            stopped = true;
        }
    }

    private void scanUncached(Content content, ContainerPath path, FileType knownType, String declaredType,
                              boolean cached) {
        objectsScanned++;
        bytesScanned += content.size();
        FileType type = knownType != null ? knownType : FileTypes.detect(content);
        MatchResult match = parts.matcher().match(content, type);
        if (match instanceof MatchResult.Detected detected) {
            note(new Verdict.Infected(detected.signature(), path));
            stopped = true;
            return;
        }
        if (match instanceof MatchResult.Allowed) {
            return;
        }
        if (parts.heuristics().examinesObjects()) {
            examine(content, type, path, declaredType, cached);
            if (stopped) {
                return;
            }
        }
        Optional<Unpacker> unpacker = parts.unpackers().forType(type);
        if (unpacker.isEmpty()) {
            return;
        }
        if (path.depth() >= parts.limits().maxDepth()) {
            note(new Verdict.Unscannable(LimitReason.MAX_RECURSION, path));
            parts.heuristics().recursionLimit(type, List.copyOf(containers), path).ifPresent(this::noteHeuristic);
            return;
        }
        unpack(unpacker.get(), type, content, path);
    }

    /**
     * Runs the heuristics on one object; {@code ownOfCached}: the object is being scanned for the cache, and its own
     * findings stay out of what the cache keeps.
     */
    private void examine(Content content, FileType type, ContainerPath path, String declaredType,
                         boolean ownOfCached) {
        ScannedObject object = new ScannedObject(content, type, path,
                declaredType.isEmpty() ? Optional.empty() : Optional.of(declaredType), List.copyOf(containers));
        for (Verdict found : parts.heuristics().examine(object)) {
            if (ownOfCached) {
                Findings kept = recording;
                recording = null;
                noteHeuristic(found);
                recording = kept;
            } else {
                noteHeuristic(found);
            }
        }
    }

    private void unpack(Unpacker unpacker, FileType type, Content content, ContainerPath path) {
        EntryScanner entries = new EntryScanner(this, content.size(), path);
        containers.addLast(type);
        try {
            unpacker.unpack(content, entries);
        } catch (IOException | RuntimeException e) {
            // archive libraries signal damaged input with unchecked exceptions too; either way it is not clean
            if (!stopped) {
                LOG.debug("{} is a damaged {} container: {}", path, type.label(), e.toString());
                note(new Verdict.Unscannable(LimitReason.broken(type.label()), path));
            }
        } finally {
            containers.removeLast();
        }
    }

    private Duration timeLeft() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - parts.ticker().read()));
    }

    boolean outOfTime(ContainerPath path) {
        if (stopped) {
            return true;
        }
        if (parts.ticker().read() - deadlineNanos > 0) {
            note(new Verdict.Unscannable(LimitReason.MAX_SCAN_TIME, path));
            stopped = true;
        }
        return stopped;
    }

    void note(Verdict found) {
        verdict = Verdict.worse(verdict, found);
        findings.add(found);
        if (recording != null) {
            recording.add(found);
        }
    }

    /** Notes a heuristic's verdict; a malicious one ends the scan as a signature would. */
    void noteHeuristic(Verdict found) {
        note(found);
        if (found instanceof Verdict.Infected) {
            stopped = true;
        }
    }

    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    ScanLimits limits() {
        return parts.limits();
    }

    EngineParts parts() {
        return parts;
    }

    long bytesExtracted() {
        return bytesExtracted;
    }

    void extracted(long bytes) {
        bytesExtracted += bytes;
    }

    Verdict verdict() {
        return verdict;
    }

    /** Every finding of the scan so far, as {@link ScanReport#findings()} describes them. */
    List<Verdict> findings() {
        return findings.list();
    }

    long bytesScanned() {
        return bytesScanned;
    }

    List<EngineSkip> skipped() {
        return List.copyOf(skipped);
    }

    int externalScans() {
        return externalScans;
    }

    int objectsScanned() {
        return objectsScanned;
    }
}
