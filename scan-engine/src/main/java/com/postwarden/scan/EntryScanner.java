package com.postwarden.scan;

import com.postwarden.scan.internal.container.Entries;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The {@link Entries} of one container: applies the entry, size, ratio and total limits to each entry stream,
 * spools it and scans it before the unpacker reads on. Raises the heuristic findings of what it meets on the
 * way: encrypted entries with executable names, entries expanding past the ratio limit.
 */
final class EntryScanner implements Entries {
    /** A small container may always expand this far, so ordinary compression is never taken for a bomb. */
    private static final long RATIO_FLOOR = 1L << 20;

    private final ScanRun run;
    private final long containerSize;
    private final ContainerPath container;
    private int count;

    EntryScanner(ScanRun run, long containerSize, ContainerPath container) {
        this.run = run;
        this.containerSize = containerSize;
        this.container = container;
    }

    @Override
    public boolean add(String name, InputStream data) throws IOException {
        return add(name, data, "");
    }

    @Override
    public boolean add(String name, InputStream data, String declaredType) throws IOException {
        ContainerPath path = container.child(name);
        if (run.outOfTime(path)) {
            return false;
        }
        if (++count > run.limits().maxEntries()) {
            run.note(new Verdict.Unscannable(LimitReason.MAX_FILES, container));
            return false;
        }
        ScanLimits limits = run.limits();
        long totalLeft = limits.maxTotalBytes() - run.bytesExtracted();
        long ratioAllowance = Math.max(RATIO_FLOOR, Math.multiplyExact(Math.max(containerSize, 1), limits.maxRatio()));
        long allowed = Math.min(Math.min(limits.maxEntrySize(), totalLeft), ratioAllowance);
        Content content;
        try {
            content = Content.read(data, run.parts().spooling(), allowed);
        } catch (ContentTooLargeException e) {
            run.extracted(allowed);
            return overLimit(path, allowed, totalLeft, ratioAllowance);
        }
        try (content) {
            run.extracted(content.size());
            run.scanObject(content, path, null, declaredType);
        }
        return !run.stopped();
    }

    private boolean overLimit(ContainerPath path, long allowed, long totalLeft, long ratioAllowance) {
        if (allowed == totalLeft && totalLeft < run.limits().maxEntrySize()) {
            run.note(new Verdict.Unscannable(LimitReason.MAX_SCAN_SIZE, path));
            run.stop();
            return false;
        }
        boolean ratio = ratioAllowance < run.limits().maxEntrySize();
        run.note(new Verdict.Unscannable(ratio ? LimitReason.MAX_RATIO : LimitReason.MAX_FILE_SIZE, path));
        if (ratio) {
            run.parts().heuristics().ratioExceeded(path).ifPresent(run::noteHeuristic);
        }
        return true;
    }

    @Override
    public boolean encrypted(String name, String format) {
        ContainerPath path = container.child(name);
        run.note(new Verdict.Unscannable(LimitReason.encrypted(format), path));
        run.parts().heuristics().encryptedEntry(path).ifPresent(run::noteHeuristic);
        return !run.stopped();
    }

    @Override
    public String containerName() {
        List<String> names = container.names();
        String last = names.get(names.size() - 1);
        // the root of a file scan is its path; entries are named by their last component
        int slash = last.lastIndexOf('/');
        return slash >= 0 ? last.substring(slash + 1) : last;
    }

    @Override
    public int remainingEntries() {
        return Math.max(0, run.limits().maxEntries() - count);
    }
}
