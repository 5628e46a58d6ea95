package com.postwarden.smtp.message;

import com.postwarden.policies.config.DataSize;
import java.util.Objects;

/**
 * The limits {@link MessageParser} enforces while it streams a message. Immutable; validated on construction.
 *
 * <p>Structural limits ({@link Limit#endsParsing()}) stop the parse where they are reached: what was found
 * before that point is kept and {@link ParsedMessage#isComplete()} is false, so later stages treat the message
 * as unscannable. Text limits only shorten the decoded text of a part; its size and hash still cover every byte.
 *
 * @param maxDepth            most levels of nesting; the depth of a part is the number of numbers in its
 *                            {@linkplain AttachmentInfo#path() path} ({@code "2.1.3"} is at depth 3)
 * @param maxParts            most MIME entities below the message itself: body parts and encapsulated messages
 * @param maxHeaderCount      most header fields in one header section (the message's or one part's)
 * @param maxHeaderLineLength longest physical header line in bytes, line end included
 * @param maxHeaderFieldSize  largest header field, all its folded lines together
 * @param maxTextPerPart      most decoded bytes of one text/plain or text/html part kept as text
 * @param maxTextTotal        most decoded bytes kept as text over all parts of the message
 */
public record MimeLimits(int maxDepth, int maxParts, int maxHeaderCount, int maxHeaderLineLength,
                         DataSize maxHeaderFieldSize, DataSize maxTextPerPart, DataSize maxTextTotal) {

    private static final MimeLimits DEFAULTS = new MimeLimits(20, 1000, 500, 10_000,
            DataSize.ofKilobytes(64), DataSize.ofMegabytes(1), DataSize.ofMegabytes(4));

    public MimeLimits {
        requireAtLeast("maxDepth", maxDepth, 1);
        requireAtLeast("maxParts", maxParts, 1);
        requireAtLeast("maxHeaderCount", maxHeaderCount, 1);
        requireAtLeast("maxHeaderLineLength", maxHeaderLineLength, 80);
        requireSize("maxHeaderFieldSize", maxHeaderFieldSize, 1024, Integer.MAX_VALUE);
        requireSize("maxTextPerPart", maxTextPerPart, 0, Integer.MAX_VALUE - 8);
        requireSize("maxTextTotal", maxTextTotal, 0, Long.MAX_VALUE);
    }

    /** Limits suited to ordinary mail: depth 20, 1,000 parts, 500 header fields, 1 MB text per part, 4 MB in all. */
    public static MimeLimits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@code maxDepth}. */
    public MimeLimits withMaxDepth(int value) {
        return new MimeLimits(value, maxParts, maxHeaderCount, maxHeaderLineLength, maxHeaderFieldSize,
                maxTextPerPart, maxTextTotal);
    }

    /** A copy with another {@code maxParts}. */
    public MimeLimits withMaxParts(int value) {
        return new MimeLimits(maxDepth, value, maxHeaderCount, maxHeaderLineLength, maxHeaderFieldSize,
                maxTextPerPart, maxTextTotal);
    }

    /** A copy with other text limits. */
    public MimeLimits withText(DataSize perPart, DataSize total) {
        return new MimeLimits(maxDepth, maxParts, maxHeaderCount, maxHeaderLineLength, maxHeaderFieldSize,
                perPart, total);
    }

    private static void requireAtLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", was " + value);
        }
    }

    private static void requireSize(String key, DataSize value, long min, long max) {
        Objects.requireNonNull(value, key);
        if (value.bytes() < min || value.bytes() > max) {
            throw new IllegalArgumentException(key + " must be between " + DataSize.ofBytes(min) + " and "
                    + DataSize.ofBytes(max) + ", was " + value);
        }
    }

    /** One of the limits above, as reported in {@link ParsedMessage#limitsExceeded()}. */
    public enum Limit {
        DEPTH(true),
        PARTS(true),
        HEADER_COUNT(true),
        HEADER_LINE_LENGTH(true),
        HEADER_FIELD_SIZE(true),
        TEXT_PER_PART(false),
        TEXT_TOTAL(false);

        private final boolean endsParsing;

        Limit(boolean endsParsing) {
            this.endsParsing = endsParsing;
        }

        /** Whether reaching this limit stops the parse, leaving later parts unseen. */
        public boolean endsParsing() {
            return endsParsing;
        }
    }
}
