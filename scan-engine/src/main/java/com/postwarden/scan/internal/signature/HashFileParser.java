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
 * files (the entries of one container) may feed one parser. Not thread-safe.
 */
public final class HashFileParser {
    /** The lowest functionality level ClamAV accepts for a hash signature of any size. */
    public static final int ANY_SIZE_LEVEL = 73;
    private static final int AVERAGE_LINE = 48;

    private final Map<HashAlgorithm, HashIndexBuilder> detect = new EnumMap<>(HashAlgorithm.class);
    private final Map<HashAlgorithm, HashIndexBuilder> allow = new EnumMap<>(HashAlgorithm.class);
    private final Map<String, Long> loaded = new TreeMap<>();
    private final SkipReasons skipped = new SkipReasons();
    private byte[] names = new byte[1 << 12];
    private int namesLength;
    private final int[] colons = new int[5];
    private static final long MIN_EXPECTED = 1024;
    private static final long MAX_EXPECTED = 1 << 24;
    private long expectedLines = MIN_EXPECTED;

    /**
     * Parses one file of {@code type} (hdb, hsb, hdu, hsu, fp or sfp) of about {@code sizeHint} bytes: the hint
     * sizes the arrays so a million lines do not grow them step by step (and briefly need twice the memory).
     */
    public void parse(InputStream in, String type, long sizeHint) throws IOException {
        expectedLines = Math.max(MIN_EXPECTED, Math.min(sizeHint / AVERAGE_LINE, MAX_EXPECTED));
        long nameBytes = Math.min(namesLength + sizeHint / 2, Integer.MAX_VALUE / 2);
        if (nameBytes > names.length) {
            names = java.util.Arrays.copyOf(names, (int) nameBytes);
        }
        boolean allowList = type.equals("fp") || type.equals("sfp");
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
            String problem = line(lines.buffer(), lines.start(), lines.end(), allowList);
            if (problem == null) {
                count++;
            } else {
                skipped.add(type + ": " + problem);
            }
        }
        loaded.merge(type, count, Long::sum);
    }

    public HashTables build() {
        byte[] blob = java.util.Arrays.copyOf(names, namesLength);
        Map<HashAlgorithm, HashIndex> detectIndexes = new EnumMap<>(HashAlgorithm.class);
        Map<HashAlgorithm, HashIndex> allowIndexes = new EnumMap<>(HashAlgorithm.class);
        detect.forEach((algorithm, builder) -> detectIndexes.put(algorithm, builder.build(blob)));
        allow.forEach((algorithm, builder) -> allowIndexes.put(algorithm, builder.build(blob)));
        names = null;
        return new HashTables(detectIndexes, allowIndexes, loaded, skipped.snapshot());
    }

    /** Adds one line; returns the skip reason, or {@code null} when added. */
    private String line(byte[] b, int start, int end, boolean allowList) {
        int fields = 1;
        for (int i = start; i < end && fields <= 5; i++) {
            if (b[i] == ':') {
                colons[fields++ - 1] = i;
            }
        }
        if (fields < 3 || fields > 5) {
            return "malformed line";
        }
        int hashEnd = colons[0];
        HashAlgorithm algorithm = HashAlgorithm.forHexLength(hashEnd - start);
        if (algorithm == null || !HexDigits.allHex(b, start, hashEnd)) {
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
        int nameOffset = appendName(b, colons[1] + 1, nameEnd);
        Map<HashAlgorithm, HashIndexBuilder> builders = allowList ? allow : detect;
        HashIndexBuilder builder = builders.get(algorithm);
        if (builder == null) {
            builder = new HashIndexBuilder(algorithm, (int) expectedLines);
            builders.put(algorithm, builder);
        }
        builder.add((int) size, b, start, nameOffset);
        return null;
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

    private int appendName(byte[] b, int from, int to) {
        int length = to - from;
        if (namesLength + length + 1 > names.length) {
            long grown = Math.max((long) names.length * 3 / 2, (long) namesLength + length + 1);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("signature names exceed 2 GB");
            }
            names = java.util.Arrays.copyOf(names, (int) grown);
        }
        int offset = namesLength;
        System.arraycopy(b, from, names, namesLength, length);
        names[namesLength + length] = '\n';
        namesLength += length + 1;
        return offset;
    }
}
