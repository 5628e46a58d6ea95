package com.postwarden.scan;

/** The detection-style names of unscannable results, as ClamAV reports its own limits. */
final class LimitReason {
    static final String MAX_RECURSION = "Heuristics.Limits.Exceeded.MaxRecursion";
    static final String MAX_FILES = "Heuristics.Limits.Exceeded.MaxFiles";
    static final String MAX_FILE_SIZE = "Heuristics.Limits.Exceeded.MaxFileSize";
    static final String MAX_SCAN_SIZE = "Heuristics.Limits.Exceeded.MaxScanSize";
    static final String MAX_RATIO = "Heuristics.Limits.Exceeded.MaxRatio";
    static final String MAX_SCAN_TIME = "Heuristics.Limits.Exceeded.MaxScanTime";
    private static final String ENCRYPTED = "Heuristics.Encrypted.";
    private static final String BROKEN = "Heuristics.Broken.";

    private LimitReason() {
    }

    static String encrypted(String format) {
        return ENCRYPTED + format;
    }

    static String broken(String format) {
        return BROKEN + format;
    }
}
