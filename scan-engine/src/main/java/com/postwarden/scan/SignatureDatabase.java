package com.postwarden.scan;

import com.postwarden.scan.internal.match.MatcherCompiler;
import com.postwarden.scan.internal.match.SignatureMatcher;
import com.postwarden.scan.internal.signature.CvdSignatureVerifier;
import com.postwarden.scan.internal.signature.DatabaseLoader;
import com.postwarden.scan.internal.signature.HashTables;
import com.postwarden.scan.internal.signature.LoadedSignatures;
import com.postwarden.scan.internal.signature.SkipReasons;
import com.postwarden.scan.internal.signature.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
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
 * compiled afresh. Immutable and thread-safe; the matcher serves any number of concurrent scans.
 */
public final class SignatureDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(SignatureDatabase.class);

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
        return load(directory, previous, CvdSignatureVerifier.CLAMAV);
    }

    /** Loads with another key for {@code .cvd} digital signatures: for tests and private mirrors' own builds. */
    static SignatureDatabase load(Path directory, SignatureDatabase previous, CvdSignatureVerifier verifier)
            throws IOException {
        Objects.requireNonNull(directory, "directory");
        long started = System.nanoTime();
        Map<SourceFile, HashTables> reusable = previous == null ? Map.of() : previous.hashTables;
        LoadedSignatures loaded = new DatabaseLoader(verifier).load(directory, reusable);
        MatcherCompiler.Result compiled = MatcherCompiler.compile(loaded);
        SkipReasons skipped = new SkipReasons();
        skipped.addAll(loaded.skipped());
        skipped.addAll(compiled.skipped());
        SkipReasons compileOnly = new SkipReasons();
        compileOnly.addAll(compiled.skipped());
        compileOnly.log(LOG, directory.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        DatabaseInfo info = new DatabaseInfo(loaded.fingerprint(), loaded.version(), loaded.timestamp(),
                loaded.loaded(), skipped.snapshot(), loaded.refused(), loaded.ignored(), took);
        LOG.info("Signature database {}: {} signatures loaded, {} skipped, version {}, {} literals indexed, in {} ms",
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
