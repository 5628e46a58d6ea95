package com.postwarden.scan.internal.signature;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load whose files are being read, side by side, on an executor. {@link #patterns()} waits for the files that
 * can hold body, logical or ignore signatures (containers included); those signatures are then final and can be
 * compiled while plain hash files are still read. {@link #finish()} waits for the rest. File results are merged
 * in load order, so nothing depends on which file was read first. Used by one thread.
 */
public final class PendingLoad {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLoader.class);

    private final String directory;
    private final List<DatabaseFile> order;
    private final List<CompletableFuture<FileLoad>> reads;
    private final String fingerprint;
    private final Merge merge = new Merge();
    private PatternSignatures patterns;

    PendingLoad(String directory, List<DatabaseFile> order, List<CompletableFuture<FileLoad>> reads,
                String fingerprint) {
        this.directory = directory;
        this.order = order;
        this.reads = reads;
        this.fingerprint = fingerprint;
    }

    /** Waits for every file but the plain hash files; returns the body and logical signatures. */
    public PatternSignatures patterns() {
        if (patterns == null) {
            mergeFiles(false);
            patterns = merge.patterns();
        }
        return patterns;
    }

    /** Waits for every file and returns what the load found; logs what was skipped and refused. */
    public LoadedSignatures finish() {
        patterns();
        mergeFiles(true);
        LoadedSignatures loaded = merge.finish(patterns, fingerprint);
        merge.skipped.log(LOG, directory);
        loaded.refused().forEach((name, reason) ->
                LOG.warn("Signature database {}: refused {}: {}", directory, name, reason));
        return loaded;
    }

    private void mergeFiles(boolean hashFiles) {
        for (int i = 0; i < order.size(); i++) {
            DatabaseFile file = order.get(i);
            if ((file.kind() == FileKind.HASH) == hashFiles) {
                merge.add(file.source(), await(reads.get(i)));
                reads.set(i, null); // the merge holds what is kept of it
            }
        }
    }

    /** The read's result; a defect in a reader (not a bad file, which comes back refused) is thrown again. */
    private static FileLoad await(CompletableFuture<FileLoad> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** What the files merged so far hold. */
    private static final class Merge {
        private final List<BodySignature> body = new ArrayList<>();
        private final List<LogicalSignature> logical = new ArrayList<>();
        private final Map<SourceFile, HashTables> hashTables = new LinkedHashMap<>();
        private final IgnoreList.Builder ignore = IgnoreList.builder();
        private final Map<String, Long> loaded = new TreeMap<>();
        private final SkipReasons skipped = new SkipReasons();
        private final Map<String, String> refused = new TreeMap<>();
        private IgnoreList ignoreList;
        private long ignored;
        private long version;
        private long newestMillis;

        void add(SourceFile source, FileLoad read) {
            if (read.isRefused()) {
                String detail = read.refusalDetail();
                refused.put(source.name(), detail == null ? read.refusal() : read.refusal() + " (" + detail + ")");
                skipped.add(read.refusal());
                return;
            }
            if (read.contents() != null) {
                FileContents contents = read.contents();
                body.addAll(contents.body);
                logical.addAll(contents.logical);
                contents.ignoreLines.forEach(ignore::add);
                contents.loaded.forEach((type, count) -> loaded.merge(type, count, Long::sum));
                skipped.addAll(contents.skipped.snapshot());
            }
            if (read.hashTables() != null) {
                HashTables tables = read.hashTables();
                hashTables.put(source, tables);
                tables.loaded().forEach((type, count) -> loaded.merge(type, count, Long::sum));
                skipped.addAll(tables.skipped());
            }
            version = Math.max(version, read.version());
            newestMillis = Math.max(newestMillis, read.newestMillis());
        }

        /**
         * Applies the ignore lists, complete now that every file that can hold one is merged, and hands the
         * signatures over.
         */
        PatternSignatures patterns() {
            ignoreList = ignore.freeze();
            long before = body.size() + logical.size();
            if (!ignoreList.isEmpty()) {
                body.removeIf(signature -> ignoreList.ignores(signature.name(), signature::line));
                logical.removeIf(signature -> ignoreList.ignores(signature.name(), signature::line));
            }
            ignored = before - body.size() - logical.size();
            PatternSignatures patterns = PatternSignatures.of(body, logical);
            body.clear();
            logical.clear();
            return patterns;
        }

        LoadedSignatures finish(PatternSignatures patterns, String fingerprint) {
            return new LoadedSignatures(patterns.body(), patterns.logical(), hashTables, ignoreList, loaded,
                    skipped.snapshot(), refused, ignored, version, Instant.ofEpochMilli(newestMillis), fingerprint);
        }
    }
}
