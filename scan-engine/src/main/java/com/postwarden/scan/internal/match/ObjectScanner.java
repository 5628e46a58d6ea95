package com.postwarden.scan.internal.match;

import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.signature.HashAlgorithm;
import com.postwarden.scan.internal.signature.TargetType;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Matches one object at a time against a {@link DatabaseMatcher}, with state reused from object to object.
 *
 * <p>One pass reads the object in 64 KB chunks (the backing array itself when the content is on the heap):
 * the {@link LiteralIndex} filter runs over each chunk, each literal found is verified at once, and the digests
 * that some hash signature or allow-list entry of exactly this size needs are updated from the same chunk. The
 * first verified body signature ends the matching; digests still finish when an allow-list could forgive it.
 * Logical signatures are decided after the pass from their subsignature counts. Text and HTML objects are then
 * normalized ({@link TextNormalizer}) and matched again, up to ClamAV's normalization limits.
 *
 * <p>The answer: an allow-list entry wins; else the first body signature found; else the first logical
 * signature (in database order) that holds; else a hash signature. Not thread-safe.
 */
final class ObjectScanner {
    /** Bytes read per step of the pass. */
    static final int CHUNK = 1 << 16;
    /** ClamAV's MaxScriptNormalize default: larger text is not normalized. */
    static final int MAX_TEXT_NORMALIZE = 5 << 20;
    /** ClamAV's MaxHTMLNormalize default: larger HTML is not normalized. */
    static final int MAX_HTML_NORMALIZE = 40 << 20;
    /** A normalization buffer above this size is not kept for the next object. */
    private static final int KEEP_NORMALIZED = 1 << 20;
    private static final HashAlgorithm[] ALGORITHMS = HashAlgorithm.values();

    private final DatabaseMatcher db;
    private final LiteralIndex literals;
    private final CompiledPatterns patterns;
    private final LogicalSet logical;
    private final CandidateVerifier verifier;
    private final ObjectInfo info = new ObjectInfo();
    private final byte[] chunk = new byte[CHUNK];
    private ByteBuffer current;
    private byte[] originalArray;
    private int currentSize;
    private final long[] range = new long[2];
    private final MessageDigest[] digests = new MessageDigest[ALGORITHMS.length];
    private final boolean[] digesting = new boolean[ALGORITHMS.length];
    private final int[] counts;
    private final int[] touched;
    private final boolean[] isTouched;
    private int touchedCount;
    private byte[] normalized = new byte[0];
    private int allowedTargets;
    private int found;

    ObjectScanner(DatabaseMatcher db) {
        this.db = db;
        this.literals = db.literals;
        this.patterns = db.patterns;
        this.logical = db.logical;
        this.verifier = new CandidateVerifier(patterns);
        this.counts = new int[logical.subsignatures()];
        this.touched = new int[logical.size()];
        this.isTouched = new boolean[logical.size()];
        for (HashAlgorithm algorithm : ALGORITHMS) {
            digests[algorithm.ordinal()] = algorithm.newDigest();
        }
    }

    MatchResult match(Content content, FileType type) {
        int size = content.size();
        ByteBuffer bytes = content.buffer();
        boolean anyDigest = chooseDigests(size);
        found = -1;
        info.reset(bytes, size, type, true);
        allowedTargets = targets(type);
        begin(bytes, size);
        originalArray = content.arrayOrNull();
        rawPass(content, size, anyDigest);
        String logicalName = found < 0 ? evaluateLogical(bytes) : null;
        resetCounts();
        if (found < 0 && logicalName == null && normalizes(type, size)) {
            logicalName = normalizedPass(bytes, size, type);
        }
        byte[][] computed = null;
        if (anyDigest) {
            computed = new byte[ALGORITHMS.length][];
            for (HashAlgorithm algorithm : ALGORITHMS) {
                if (digesting[algorithm.ordinal()]) {
                    computed[algorithm.ordinal()] = digests[algorithm.ordinal()].digest();
                }
            }
            String allowed = db.hashes.allowed(size, computed);
            if (allowed != null) {
                return new MatchResult.Allowed(allowed);
            }
        }
        if (found >= 0) {
            return new MatchResult.Detected(db.bodyNames.get(found));
        }
        if (logicalName != null) {
            return new MatchResult.Detected(logicalName);
        }
        String hashName = anyDigest ? db.hashes.detected(size, computed) : null;
        return hashName != null ? new MatchResult.Detected(hashName) : MatchResult.NoMatch.INSTANCE;
    }

    /** Drops every reference to the last object, so a pooled scanner keeps no content alive. */
    void release() {
        current = null;
        originalArray = null;
        verifier.begin(null, 0);
        info.reset(null, 0, null, false);
    }

    private boolean chooseDigests(int size) {
        boolean any = false;
        for (HashAlgorithm algorithm : ALGORITHMS) {
            boolean needed = db.hashes.needs(algorithm, size);
            digesting[algorithm.ordinal()] = needed;
            if (needed) {
                digests[algorithm.ordinal()].reset();
                any = true;
            }
        }
        return any;
    }

    /** Bit {@code t} set for each ClamAV target type that applies to objects of {@code type}. */
    private static int targets(FileType type) {
        return 1 << TargetType.ANY | 1 << TargetType.of(type);
    }

    private void rawPass(Content content, int size, boolean anyDigest) {
        byte[] array = content.arrayOrNull();
        boolean scanning = patterns.count() > 0;
        int window = 0;
        for (int pos = 0; pos < size && (scanning || anyDigest); pos += CHUNK) {
            int length = Math.min(CHUNK, size - pos);
            byte[] buffer;
            int from;
            if (array != null) {
                buffer = array;
                from = pos;
            } else {
                content.read(pos, chunk, 0, length);
                buffer = chunk;
                from = 0;
            }
            if (scanning) {
                window = scan(buffer, from, from + length, pos - from, window);
                scanning = found < 0;
            }
            if (anyDigest) {
                for (int a = 0; a < ALGORITHMS.length; a++) {
                    if (digesting[a]) {
                        digests[a].update(buffer, from, length);
                    }
                }
            }
        }
    }

    private void begin(ByteBuffer bytes, int size) {
        current = bytes;
        currentSize = size;
        verifier.begin(bytes, size);
    }

    /**
     * Runs the literal filter over {@code buffer[from..to)}; {@code delta} turns buffer indexes into object
     * positions, {@code window} holds the bytes before {@code from}. Returns the window after the last byte read.
     */
    private int scan(byte[] buffer, int from, int to, int delta, int window) {
        LiteralIndex.Grams four = literals.grams(4);
        if (four != null && literals.grams(3) == null && literals.grams(2) == null) {
            return scanFour(buffer, from, to, delta, window, four);
        }
        int w = window;
        for (int i = from; i < to; i++) {
            w = w << 8 | (buffer[i] & 0xff);
            for (int q = LiteralIndex.MAX_GRAM; q >= 2; q--) {
                LiteralIndex.Grams grams = literals.grams(q);
                if (grams == null) {
                    continue;
                }
                int gram = q == 4 ? w : w & (1 << 8 * q) - 1;
                int h = q == 2 ? gram : LiteralIndex.Grams.hash(gram, grams.shift());
                if ((grams.bits()[h >>> 6] >>> h & 1) != 0 && hit(grams, gram, i + delta)) {
                    return w;
                }
            }
        }
        return w;
    }

    /** {@link #scan} when every literal has at least four bytes: one filter lookup per byte. */
    private int scanFour(byte[] buffer, int from, int to, int delta, int window, LiteralIndex.Grams four) {
        final long[] bits = four.bits();
        final int shift = four.shift();
        int w = window;
        for (int i = from; i < to; i++) {
            w = w << 8 | (buffer[i] & 0xff);
            int h = (w * 0x9E3779B1) >>> shift;
            if ((bits[h >>> 6] >>> h & 1) != 0 && hit(four, w, i + delta)) {
                return w;
            }
        }
        return w;
    }

    /**
     * Checks the literals starting with {@code gram}, which ends at object position {@code end}; verifies the
     * pattern of each literal present. Returns {@code true} once a body signature matched.
     */
    private boolean hit(LiteralIndex.Grams grams, int gram, int end) {
        int start = end - grams.length() + 1;
        if (start < 0) {
            return false;
        }
        if (!grams.secondBit(gram)) {
            return false;
        }
        int first = grams.firstEntry(gram);
        if (first < 0) {
            return false;
        }
        for (int e = first, last = grams.entryEnd(first); e < last; e++) {
            int length = literals.literalLength(e);
            if (start + length > currentSize || !restMatches(e, start, grams.length(), length)) {
                continue;
            }
            if (candidate(literals.pattern(e), start, start + length)) {
                return true;
            }
        }
        return false;
    }

    private boolean restMatches(int entry, int start, int from, int length) {
        int at = literals.literalStart(entry);
        for (int i = from; i < length; i++) {
            if (current.get(start + i) != literals.literalByte(at + i)) {
                return false;
            }
        }
        return true;
    }

    /** Verifies pattern {@code p} with its literal at {@code start..end}; true when a body signature matched. */
    private boolean candidate(int p, int start, int end) {
        if ((allowedTargets >>> patterns.target[p] & 1) == 0
                || !info.resolve(patterns.offsetKind[p], patterns.offsetValue[p], patterns.offsetSection[p],
                patterns.offsetShift[p], range)) {
            return false;
        }
        long latest = (long) start - patterns.preMin[p];
        long earliest = patterns.preMax[p] == CompiledPatterns.UNBOUNDED ? 0 : (long) start - patterns.preMax[p];
        if (latest < range[0] || earliest > range[1] || !verifier.verify(p, start, end, range[0], range[1])) {
            return false;
        }
        int owner = patterns.owner[p];
        if (owner >= 0) {
            found = owner;
            return true;
        }
        count(-owner - 1);
        return false;
    }

    private void count(int subsignature) {
        counts[subsignature]++;
        int ldb = logical.ownerOf[subsignature];
        if (!isTouched[ldb]) {
            isTouched[ldb] = true;
            touched[touchedCount++] = ldb;
        }
    }

    /** The first logical signature that holds, in database order, or {@code null}. */
    private String evaluateLogical(ByteBuffer bytes) {
        if (logical.size() == 0) {
            return null;
        }
        Arrays.sort(touched, 0, touchedCount);
        int t = 0;
        int a = 0;
        int[] always = logical.evaluateAlways;
        while (t < touchedCount || a < always.length) {
            int ldb;
            if (a >= always.length || t < touchedCount && touched[t] <= always[a]) {
                ldb = touched[t++];
                if (a < always.length && always[a] == ldb) {
                    a++;
                }
            } else {
                ldb = always[a++];
                if ((allowedTargets >>> logical.targets[ldb].target() & 1) == 0) {
                    continue;
                }
            }
            if (LogicalEvaluator.matches(logical, ldb, counts, info, bytes, range)) {
                return logical.names[ldb];
            }
        }
        return null;
    }

    private void resetCounts() {
        for (int t = 0; t < touchedCount; t++) {
            int ldb = touched[t];
            Arrays.fill(counts, logical.base[ldb], logical.base[ldb] + logical.count[ldb], 0);
            isTouched[ldb] = false;
        }
        touchedCount = 0;
        for (int ldb : logical.evaluateAlways) {
            Arrays.fill(counts, logical.base[ldb], logical.base[ldb] + logical.count[ldb], 0);
        }
    }

    private boolean normalizes(FileType type, int size) {
        return patterns.count() + logical.evaluateAlways.length > 0
                && (type == FileType.TEXT && size <= MAX_TEXT_NORMALIZE
                || type == FileType.HTML && size <= MAX_HTML_NORMALIZE);
    }

    /** Matches the normalized form; returns a logical signature's name, or sets {@link #found}. */
    private String normalizedPass(ByteBuffer bytes, int size, FileType type) {
        if (normalized.length < size) {
            normalized = new byte[size];
        }
        int length = originalArray != null ? TextNormalizer.normalize(originalArray, 0, size, normalized)
                : TextNormalizer.normalize(bytes, size, normalized, chunk);
        ByteBuffer view = ByteBuffer.wrap(normalized, 0, length);
        info.reset(view, length, type, false);
        begin(view, length);
        scan(normalized, 0, length, 0, 0);
        String logicalName = found < 0 ? evaluateLogical(view) : null;
        resetCounts();
        if (normalized.length > KEEP_NORMALIZED) {
            normalized = new byte[0];
        }
        return logicalName;
    }
}
