package com.postwarden.scan.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses hash signature files straight from bytes into {@link HashIndex} builders: {@code .hdb .hdu .fp}
 * ({@code MD5:size:name}) and {@code .hsb .hsu .sfp} (SHA-1 or SHA-256, told apart by length), each line
 * {@code hash:size:name[:minFL[:maxFL]]}, where size {@code *} (any size) needs minFL 73 as in ClamAV. Several
 * files (the entries of one container) may feed one parser. Each signature becomes a record (the digest, then
 * the name) in a {@link RecordBlob} and an entry (sort key, record address) in its index, so memory grows with
 * the signatures read, never with a guess from the file size. Not thread-safe.
 */
public final class HashFileParser {
    /** The lowest functionality level ClamAV accepts for a hash signature of any size. */
    public static final int ANY_SIZE_LEVEL = 73;

    /** Builders by algorithm ordinal, all made up front: no branch on a first signature of its kind per file. */
    private final HashIndexBuilder[] detect = builders();
    private final HashIndexBuilder[] allow = builders();
    private final Map<String, Long> loaded = new TreeMap<>();
    private final SkipReasons skipped = new SkipReasons();
    private final RecordBlob records = new RecordBlob();
    private final int[] colons = new int[5];
    private final byte[] digest = new byte[HashAlgorithm.SHA256.length()];

    /** Parses one file of {@code type}: hdb, hsb, hdu, hsu, fp or sfp. */
    public void parse(InputStream in, String type) throws IOException {
        HashIndexBuilder[] builders = type.equals("fp") || type.equals("sfp") ? allow : detect;
        LineReader lines = new LineReader(in);
        long count = 0;
        while (lines.next()) {
            if (lines.tooLong()) {
                skipped.add(type + ": line too long");
                continue;
            }
            if (lines.isBlank() || lines.isComment()) {
                continue;
            }
            String problem = line(lines.buffer(), lines.start(), lines.end(), builders);
            if (problem == null) {
                count++;
            } else {
                skipped.add(type + ": " + problem);
            }
        }
        loaded.merge(type, count, Long::sum);
    }

    /** The indexes of every file parsed; ends the parser's use. */
    public HashTables build() {
        RecordBlob blob = records.freeze();
        return new HashTables(indexes(detect, blob), indexes(allow, blob), loaded, skipped.snapshot());
    }

    private static HashIndexBuilder[] builders() {
        HashAlgorithm[] algorithms = HashAlgorithm.values();
        HashIndexBuilder[] builders = new HashIndexBuilder[algorithms.length];
        for (HashAlgorithm algorithm : algorithms) {
            builders[algorithm.ordinal()] = new HashIndexBuilder(algorithm);
        }
        return builders;
    }

    /** The indexes of the algorithms that have entries. */
    private static Map<HashAlgorithm, HashIndex> indexes(HashIndexBuilder[] builders, RecordBlob blob) {
        Map<HashAlgorithm, HashIndex> indexes = new EnumMap<>(HashAlgorithm.class);
        for (HashIndexBuilder builder : builders) {
            if (builder.count() > 0) {
                indexes.put(builder.algorithm(), builder.build(blob));
            }
        }
        return indexes;
    }

    /** Adds one line to {@code builders}; returns the skip reason, or {@code null} when added. */
    private String line(byte[] b, int start, int end, HashIndexBuilder[] builders) {
        int fields = fields(b, start, end);
        if (fields < 3 || fields > 5) {
            return "malformed line";
        }
        int hashEnd = colons[0];
        HashAlgorithm algorithm = HashAlgorithm.forHexLength(hashEnd - start);
        if (algorithm == null || !HexDigits.decode(b, start, algorithm.length(), digest)) {
            return "malformed hash";
        }
        long size = size(b, hashEnd + 1, colons[1]);
        if (size == -2 || size == 0) {
            return "malformed size";
        }
        if (size > Integer.MAX_VALUE - 8) {
            return "size beyond 2 GB";
        }
        int nameEnd = fields > 3 ? colons[2] : end;
        int min = fields > 3 ? level(b, colons[2] + 1, fields > 4 ? colons[3] : end) : -1;
        int max = fields > 4 ? level(b, colons[3] + 1, end) : -1;
        if (min == -2 || max == -2) {
            return "malformed functionality level";
        }
        if (size == -1 && min < ANY_SIZE_LEVEL) {
            return "hash for any size without functionality level " + ANY_SIZE_LEVEL;
        }
        String levelProblem = FunctionalityLevel.rejection(min, max);
        if (levelProblem != null) {
            return levelProblem;
        }
        if (nameEnd == colons[1] + 1) {
            return "signature without a name";
        }
        int record = records.append(digest, algorithm.length(), b, colons[1] + 1, nameEnd);
        builders[algorithm.ordinal()].add((int) size, digest, record);
        return null;
    }

    /**
     * The number of fields of the line, up to 6, their ends in {@link #colons}. A loop of its own: the JIT compiles
     * a hot loop on its own as soon as it turns hot, and in {@code line} that would have been all of {@code line}.
     */
    private int fields(byte[] b, int start, int end) {
        int fields = 1;
        for (int i = start; i < end && fields <= 5; i++) {
            if (b[i] == ':') {
                colons[fields++ - 1] = i;
            }
        }
        return fields;
    }

    /** The size field: its value, -1 for {@code *}, -2 when malformed. */
    private static long size(byte[] b, int from, int to) {
        if (to - from == 1 && b[from] == '*') {
            return -1;
        }
        if (to == from || to - from > 12) {
            return -2;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -2;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    /** A level field: its value, -1 when empty, -2 when malformed. */
    private static int level(byte[] b, int from, int to) {
        if (to == from) {
            return -1;
        }
        long value = size(b, from, to);
        return value < 0 || value > Integer.MAX_VALUE ? -2 : (int) value;
    }
}
