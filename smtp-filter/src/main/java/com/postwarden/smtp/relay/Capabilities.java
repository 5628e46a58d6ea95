package com.postwarden.smtp.relay;

import com.postwarden.smtp.reply.SmtpReply;

import java.util.List;
import java.util.Locale;

/**
 * The service extensions a next hop announced in its EHLO reply (RFC 5321 section 4.1.1.1), as far as the relay
 * client uses them.
 *
 * @param pipelining          RFC 2920
 * @param startTls            RFC 3207
 * @param eightBitMime        RFC 6152
 * @param enhancedStatusCodes RFC 2034
 * @param size                RFC 1870 {@code SIZE} announced
 * @param maxSize             the declared fixed size limit; 0 when none was declared
 */
record Capabilities(boolean pipelining, boolean startTls, boolean eightBitMime, boolean enhancedStatusCodes,
                    boolean size, long maxSize) {

    /** A next hop that only speaks HELO. */
    static final Capabilities NONE = new Capabilities(false, false, false, false, false, 0);

    private static final int MAX_SIZE_DIGITS = 18;

    /** Reads the keywords from the lines after the first (which carries the host name). Unknown ones are ignored. */
    static Capabilities fromEhlo(SmtpReply reply) {
        boolean pipelining = false;
        boolean startTls = false;
        boolean eightBitMime = false;
        boolean enhanced = false;
        boolean size = false;
        long maxSize = 0;
        List<String> lines = reply.lines();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.trim().split("\\s+", 3);
            switch (words[0].toUpperCase(Locale.ROOT)) {
                case "PIPELINING" -> pipelining = true;
                case "STARTTLS" -> startTls = true;
                case "8BITMIME" -> eightBitMime = true;
                case "ENHANCEDSTATUSCODES" -> enhanced = true;
                case "SIZE" -> {
                    size = true;
                    maxSize = words.length > 1 ? sizeLimit(words[1]) : 0;
                }
                default -> {
                }
            }
        }
        return new Capabilities(pipelining, startTls, eightBitMime, enhanced, size, maxSize);
    }

    /** Whether a message of this many bytes is over the limit the next hop declared. */
    boolean exceedsSize(long bytes) {
        return size && maxSize > 0 && bytes > maxSize;
    }

    /** A limit that is not a plain number of bounded length counts as no declared limit. */
    private static long sizeLimit(String word) {
        if (word.isEmpty() || word.length() > MAX_SIZE_DIGITS || !word.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(word);
    }
}
