package com.postwarden.scan;

import com.postwarden.scan.internal.match.MatcherCompiler;
import com.postwarden.scan.internal.match.SignatureMatcher;
import com.postwarden.scan.internal.signature.CvdSignatureVerifier;
import com.postwarden.scan.internal.signature.DatabaseLoader;
import com.postwarden.scan.internal.signature.HashTables;
import com.postwarden.scan.internal.signature.LoadedSignatures;
import com.postwarden.scan.internal.signature.PendingLoad;
import com.postwarden.scan.internal.signature.SkipReasons;
import com.postwarden.scan.internal.signature.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ClamAV-format signature database loaded from a directory, ready to match: {@code .hdb .hsb .hdu .hsu}
 * hash signatures, {@code .ndb .ndu} body signatures, {@code .ldb .ldu} logical signatures, {@code .fp .sfp}
 * allow-lists, {@code .ign .ign2} ignore lists, and {@code .cvd .cld} containers of any of these (a
 * {@code .cvd} is checked against its MD5 and ClamAV's digital signature). Other files are left alone.
 *
 * <p>Loading never fails on a bad line: the line is skipped and counted by reason in {@link #info()}, with one
 * WARN log line per reason. A container that fails its checks is refused whole and the rest still loads.
 *
 * <p>Hot reload: a watcher compares {@link #fingerprint(Path)} with {@code info().fingerprint()} and calls
 * {@link #load(Path, SignatureDatabase)} when they differ. The new load takes over the hash signatures of every
 * file whose name, size and modification time did not change, so a reload while the old database still serves
 * scans needs memory for what changed, not for a second copy of everything. Body and logical signatures are
 * compiled afresh. The files of a load are read side by side (one thread per processor, at most four, or an
 * executor of the caller's), and merged in a fixed order, so the database does not depend on which file was read
 * first. Immutable and thread-safe; the matcher serves any number of concurrent scans.
 */
public final class SignatureDatabase {
    /**
     * The logger, made at first use rather than when the class loads: when a load is the first thing in the
     * process that logs (the command line, a benchmark), logging starts up (a third of a second for logback)
     * while the files are read, not before.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(SignatureDatabase.class);
    }

    private final SignatureMatcher matcher;
    private final DatabaseInfo info;
    private final Map<SourceFile, HashTables> hashTables;

    private SignatureDatabase(SignatureMatcher matcher, DatabaseInfo info, Map<SourceFile, HashTables> hashTables) {
        this.matcher = matcher;
        this.info = info;
        this.hashTables = hashTables;
    }

    /** Loads every database file in {@code directory}; fails only when the directory cannot be listed. */
    public static SignatureDatabase load(Path directory) throws IOException {
        return load(directory, null);
    }

    /**
     * Loads {@code directory} again, reusing the hash signatures of {@code previous} (may be {@code null}) for
     * files that did not change.
     */
    public static SignatureDatabase load(Path directory, SignatureDatabase previous) throws IOException {
        try (LoadThreads threads = LoadThreads.start()) {
            return load(directory, previous, threads.executor());
        }
    }

    /**
     * Loads {@code directory} like {@link #load(Path, SignatureDatabase)}, reading its files side by side on
     * {@code executor} ({@code Runnable::run} reads them one after the other on the calling thread). The database
     * is the same whatever the executor; the call returns when every file is read.
     */
    public static SignatureDatabase load(Path directory, SignatureDatabase previous, Executor executor)
            throws IOException {
        return load(directory, previous, CvdSignatureVerifier.CLAMAV, executor);
    }

    /** Loads with another key for {@code .cvd} digital signatures: for tests and private mirrors' own builds. */
    static SignatureDatabase load(Path directory, SignatureDatabase previous, CvdSignatureVerifier verifier)
            throws IOException {
        try (LoadThreads threads = LoadThreads.start()) {
            return load(directory, previous, verifier, threads.executor());
        }
    }

    /** Loads with another key and reads the files on {@code executor}. */
    static SignatureDatabase load(Path directory, SignatureDatabase previous, CvdSignatureVerifier verifier,
                                  Executor executor) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(executor, "executor");
        long started = System.nanoTime();
        Map<SourceFile, HashTables> reusable = previous == null ? Map.of() : previous.hashTables;
        PendingLoad load = new DatabaseLoader(verifier).start(directory, reusable, executor);
        // the patterns compile on this thread while the executor may still read hash files
        MatcherCompiler.Patterns patterns = MatcherCompiler.compilePatterns(load.patterns());
        LoadedSignatures loaded = load.finish();
        MatcherCompiler.Result compiled = patterns.withHashes(loaded.hashTables().values(), loaded.ignoreList());
        SkipReasons skipped = new SkipReasons();
        skipped.addAll(loaded.skipped());
        skipped.addAll(compiled.skipped());
        SkipReasons compileOnly = new SkipReasons();
        compileOnly.addAll(compiled.skipped());
        compileOnly.log(Log.LOG, directory.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        DatabaseInfo info = new DatabaseInfo(loaded.fingerprint(), loaded.version(), loaded.timestamp(),
                loaded.loaded(), skipped.snapshot(), loaded.refused(), loaded.ignored(), took);
        Log.LOG.info(
                "Signature database {}: {} signatures loaded, {} skipped, version {}, {} literals indexed, in {} ms",
                directory, info.loadedTotal(), info.skippedTotal(), info.version(),
                compiled.matcher().literalCount(), took.toMillis());
        return new SignatureDatabase(compiled.matcher(), info, loaded.hashTables());
    }

    /** The fingerprint of the database files now in {@code directory}, to compare with {@code info().fingerprint()}. */
    public static String fingerprint(Path directory) throws IOException {
        return DatabaseLoader.fingerprint(directory);
    }

    public DatabaseInfo info() {
        return info;
    }

    /** The matcher the engine runs on every object. */
    SignatureMatcher matcher() {
        return matcher;
    }
}
