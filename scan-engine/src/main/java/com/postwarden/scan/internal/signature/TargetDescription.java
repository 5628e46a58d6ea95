package com.postwarden.scan.internal.signature;

/**
 * The target description block of an {@code .ldb} signature, reduced to the conditions the matcher checks.
 * Ranges are inclusive; {@link #NONE} as a bound means "no condition".
 *
 * @param target the ClamAV target type
 */
public record TargetDescription(int target, long minSize, long maxSize, long minEntryPoint, long maxEntryPoint,
                                long minSections, long maxSections) {
    public static final long NONE = -1;

    public boolean sizeMatches(long size) {
        return inRange(size, minSize, maxSize);
    }

    public boolean needsExecutable() {
        return minEntryPoint != NONE || minSections != NONE;
    }

    public boolean entryPointMatches(long entryPoint) {
        return inRange(entryPoint, minEntryPoint, maxEntryPoint);
    }

    public boolean sectionsMatch(long sections) {
        return inRange(sections, minSections, maxSections);
    }

    private static boolean inRange(long value, long min, long max) {
        return min == NONE || value >= min && value <= max;
    }

    /**
     * Parses {@code Key:Value} pairs: {@code Engine}, {@code Target}, {@code FileSize}, {@code EntryPoint},
     * {@code NumberOfSections}. Keys that would change which objects match but are not implemented
     * ({@code Container}, {@code Intermediates}, {@code IconGroup1/2}, {@code HandlerType}) reject the line.
     */
    public static TargetDescription parse(String block) throws SignatureFormatException {
        int target = -1;
        long[] size = {NONE, NONE};
        long[] entryPoint = {NONE, NONE};
        long[] sections = {NONE, NONE};
        for (String pair : block.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new SignatureFormatException("malformed target description");
            }
            String key = pair.substring(0, colon);
            String value = pair.substring(colon + 1);
            switch (key) {
                case "Engine" -> {
                    long[] levels = range(value);
                    String problem = FunctionalityLevel.rejection((int) Math.min(levels[0], Integer.MAX_VALUE),
                            (int) Math.min(levels[1], Integer.MAX_VALUE));
                    if (problem != null) {
                        throw new SignatureFormatException(problem);
                    }
                }
                case "Target" -> target = TargetType.check(NdbParser.number(value, "malformed target type"));
                case "FileSize" -> size = range(value);
                case "EntryPoint" -> entryPoint = range(value);
                case "NumberOfSections" -> sections = range(value);
                case "Container", "Intermediates", "IconGroup1", "IconGroup2", "HandlerType" ->
                        throw new SignatureFormatException("target description " + key + " unsupported");
                default -> throw new SignatureFormatException("unknown target description key");
            }
        }
        if (target < 0) {
            throw new SignatureFormatException("target description without Target");
        }
        TargetDescription description = new TargetDescription(target, size[0], size[1], entryPoint[0],
                entryPoint[1], sections[0], sections[1]);
        if (description.needsExecutable() && !TargetType.hasExecutableHeaders(target)) {
            throw new SignatureFormatException("EntryPoint or NumberOfSections without target type 1");
        }
        return description;
    }

    private static long[] range(String value) throws SignatureFormatException {
        int dash = value.indexOf('-');
        if (dash < 0) {
            long n = NdbParser.number(value, "malformed target description range");
            return new long[] {n, n};
        }
        long min = NdbParser.number(value.substring(0, dash), "malformed target description range");
        long max = NdbParser.number(value.substring(dash + 1), "malformed target description range");
        if (max < min) {
            throw new SignatureFormatException("malformed target description range");
        }
        return new long[] {min, max};
    }
}
