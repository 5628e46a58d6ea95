package com.postwarden.policies.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes written as in the configuration: {@code 512}, {@code 64KB}, {@code 50MB}, {@code 2GB}.
 * Units are binary (1 KB = 1024 bytes), as mail administrators read them in Postfix and amavisd-new.
 */
public record DataSize(long bytes) {
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,12})\\s*([KMG]?B?)", Pattern.CASE_INSENSITIVE);

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofKilobytes(long kb) {
        return new DataSize(Math.multiplyExact(kb, 1024L));
    }

    public static DataSize ofMegabytes(long mb) {
        return new DataSize(Math.multiplyExact(mb, 1024L * 1024));
    }

    /** Parses {@code 50MB}-style text; throws {@link IllegalArgumentException} naming the accepted forms. */
    public static DataSize parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (write e.g. 512, 64KB, 50MB or 2GB)");
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return new DataSize(Math.multiplyExact(number, factor));
    }

    /** The size as an {@code int}, for APIs that take one; sizes this large are refused at validation. */
    public int toIntBytes() {
        return Math.toIntExact(bytes);
    }

    @Override
    public String toString() {
        if (bytes != 0 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + "GB";
        } else if (bytes != 0 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MB";
        } else if (bytes != 0 && bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return Long.toString(bytes);
    }
}
