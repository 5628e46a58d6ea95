package com.postwarden.scan;

import com.github.benmanes.caffeine.cache.Ticker;
import com.postwarden.scan.internal.container.Unpackers;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.content.ContentTooLargeException;
import com.postwarden.scan.internal.content.Spooling;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.heuristic.Heuristics;
import com.postwarden.scan.internal.match.SignatureMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Scans bytes for malware: matches one signature database against an object and, recursively, against
 * everything unpacked from it, within {@link ScanLimits}. Knows nothing of mail transport; a message is just
 * one more container. Immutable and thread-safe: one engine serves all scanning threads until a new signature
 * database replaces it.
 */
public final class ScanEngine {
    private final EngineParts parts;
    private final SignatureDatabase database;

    private ScanEngine(EngineParts parts, SignatureDatabase database) {
        this.parts = parts;
        this.database = database;
    }

    public static Builder builder(SignatureDatabase database) {
        return new Builder(database);
    }

    /** The signature database this engine matches. */
    public SignatureDatabase database() {
        return database;
    }

    public ScanLimits limits() {
        return parts.limits();
    }

    /**
     * Scans a file in place (memory-mapped rather than copied when larger than the memory threshold);
     * {@code file}'s text is the root of container paths.
     */
    public ScanReport scan(Path file) throws IOException {
        ContainerPath root = ContainerPath.of(file.toString());
        long start = parts.ticker().read();
        Content content;
        try {
            content = Content.open(file, parts.limits().memoryThreshold());
        } catch (ContentTooLargeException e) {
            return tooLarge(root, start);
        }
        try (content) {
            return scan(content, root, null, start);
        }
    }

    /**
     * Scans a stream to its end, spooling it to a temporary file past the memory threshold. A stream longer than
     * {@link ScanLimits#maxEntrySize()} is unscannable.
     */
    public ScanReport scan(InputStream in, String name) throws IOException {
        return scan(in, name, null);
    }

    /**
     * Scans an RFC 5322 message (as received over SMTP): every part and attachment, however it starts. Otherwise
     * as {@link #scan(InputStream, String)}.
     */
    public ScanReport scanMail(InputStream in, String name) throws IOException {
        return scan(in, name, FileType.MAIL);
    }

    private ScanReport scan(InputStream in, String name, FileType knownType) throws IOException {
        ContainerPath root = ContainerPath.of(name);
        long start = parts.ticker().read();
        Content content;
        try {
            content = Content.read(in, parts.spooling(), parts.limits().maxEntrySize());
        } catch (ContentTooLargeException e) {
            return tooLarge(root, start);
        }
        try (content) {
            return scan(content, root, knownType, start);
        }
    }

    private ScanReport scan(Content content, ContainerPath root, FileType knownType, long start) {
        ScanRun run = new ScanRun(parts);
        run.scanObject(content, root, knownType);
        return new ScanReport(run.verdict(), run.findings(), run.bytesScanned(), run.objectsScanned(), since(start),
                run.skipped(), run.externalScans());
    }

    private ScanReport tooLarge(ContainerPath root, long start) {
        return new ScanReport(new Verdict.Unscannable(LimitReason.MAX_FILE_SIZE, root), 0, 0, since(start));
    }

    private Duration since(long start) {
        return Duration.ofNanos(parts.ticker().read() - start);
    }

    /** Assembles an engine; every setting has a default. */
    public static final class Builder {
        private final SignatureDatabase database;
        private ScanLimits limits = ScanLimits.DEFAULTS;
        private Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private long cacheEntries = 10_000;
        private Duration cacheExpiry = Duration.ofHours(1);
        private Ticker ticker = Ticker.systemTicker();
        private HeuristicSettings heuristics = HeuristicSettings.defaults();
        private List<ExternalEngine> externalEngines = List.of();

        private Builder(SignatureDatabase database) {
            this.database = Objects.requireNonNull(database, "database");
        }

        public Builder limits(ScanLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Where entries above the memory threshold are spooled; must exist and be private to the gateway. */
        public Builder temporaryDirectory(Path directory) {
            this.temporaryDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Verdicts of attachments kept by SHA-256; 0 turns the cache off. */
        public Builder verdictCache(long maxEntries, Duration expiry) {
            if (maxEntries < 0) {
                throw new IllegalArgumentException("maxEntries must not be negative, was " + maxEntries);
            }
            this.cacheEntries = maxEntries;
            this.cacheExpiry = Objects.requireNonNull(expiry, "expiry");
            return this;
        }

        /** The time source for the scan time limit and the cache; tests pass a fake one. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** How each heuristic detection counts; {@link HeuristicSettings#defaults()} unless set. */
        public Builder heuristics(HeuristicSettings settings) {
            this.heuristics = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * External engines that scan every attachment (each direct entry of the scanned object, e.g. a message's
         * parts) after the built-in engine found nothing in it; none unless set. The engine does not close them.
         */
        public Builder externalEngines(List<ExternalEngine> engines) {
            this.externalEngines = List.copyOf(engines);
            return this;
        }

        public ScanEngine build() {
            VerdictCache cache = cacheEntries == 0
                    ? VerdictCache.disabled() : VerdictCache.bounded(cacheEntries, cacheExpiry, ticker);
            SignatureMatcher matcher = database.matcher();
            EngineParts parts = new EngineParts(matcher, Unpackers.standard(), limits,
                    new Spooling(temporaryDirectory, limits.memoryThreshold()), ticker, cache,
                    new HeuristicChecks(heuristics, Heuristics.standard()), ExternalScans.of(externalEngines));
            return new ScanEngine(parts, database);
        }
    }
}
