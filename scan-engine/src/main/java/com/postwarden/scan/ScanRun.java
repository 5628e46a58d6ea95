package com.postwarden.scan;

import com.postwarden.scan.internal.container.Unpacker;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.filetype.FileTypes;
import com.postwarden.scan.internal.match.MatchResult;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan: walks an object and everything extracted from it, depth first, keeping the worst verdict and the
 * budget of bytes, time and entries. Stops as soon as something is detected. Confined to the scanning thread.
 */
final class ScanRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);

    private final EngineParts parts;
    private final long deadlineNanos;
    private Verdict verdict = Verdict.clean();
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
        return scanObject(content, path, null);
    }

    /** As {@link #scanObject(Content, ContainerPath)}, with the type known beforehand ({@code null}: detect it). */
    Verdict scanObject(Content content, ContainerPath path, FileType knownType) {
        if (outOfTime(path)) {
            return verdict;
        }
        Verdict before = verdict;
        verdict = Verdict.clean();
        Optional<VerdictCache.Key> key = parts.cache().keyFor(content, path);
        Optional<Verdict> cached = key.flatMap(k -> parts.cache().lookup(k, path));
        if (cached.isPresent()) {
            note(cached.get());
        } else {
            scanUncached(content, path, knownType);
            // a scan cut short by time or total size says nothing final about this object
            boolean complete = !stopped || verdict instanceof Verdict.Infected;
            if (complete) {
                key.ifPresent(k -> parts.cache().store(k, path, verdict));
            }
        }
        Verdict subtree = verdict;
        verdict = Verdict.worse(before, subtree);
        return subtree;
    }

    private void scanUncached(Content content, ContainerPath path, FileType knownType) {
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
        Optional<Unpacker> unpacker = parts.unpackers().forType(type);
        if (unpacker.isEmpty()) {
            return;
        }
        if (path.depth() >= parts.limits().maxDepth()) {
            note(new Verdict.Unscannable(LimitReason.MAX_RECURSION, path));
            return;
        }
        unpack(unpacker.get(), type, content, path);
    }

    private void unpack(Unpacker unpacker, FileType type, Content content, ContainerPath path) {
        EntryScanner entries = new EntryScanner(this, content.size(), path);
        try {
            unpacker.unpack(content, entries);
        } catch (IOException | RuntimeException e) {
            // archive libraries signal damaged input with unchecked exceptions too; either way it is not clean
            if (!stopped) {
                LOG.debug("{} is a damaged {} container: {}", path, type.label(), e.toString());
                note(new Verdict.Unscannable(LimitReason.broken(type.label()), path));
            }
        }
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

    long bytesScanned() {
        return bytesScanned;
    }

    int objectsScanned() {
        return objectsScanned;
    }
}
