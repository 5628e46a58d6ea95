package com.postwarden.scan.external;

import java.util.regex.Pattern;

/**
 * Turns one clamd reply line (without its terminating NUL) into a result. Replies of clamd 1.x to
 * {@code INSTREAM}: {@code stream: OK}, {@code stream: NAME FOUND} ({@code NAME(md5:size) FOUND} with
 * {@code ExtendedDetectionInfo}), {@code INSTREAM size limit exceeded. ERROR}, and other {@code ... ERROR} lines.
 */
final class ClamdReply {

    private static final String STREAM = "stream: ";
    private static final String FOUND = " FOUND";
    private static final String SIZE_LIMIT = "INSTREAM size limit exceeded";
    private static final Pattern EXTENDED_INFO = Pattern.compile("\\([0-9a-fA-F]{32,64}:\\d+\\)$");
    private static final int MAX_QUOTED = 200;

    private ClamdReply() {
    }

    /**
     * @param reply the reply line
     * @param wholeObjectSent whether every byte and the terminating zero chunk were sent before the reply came;
     *     an {@code OK} before that is not a verdict on the object
     */
    static ExternalResult parse(String reply, boolean wholeObjectSent) {
        String line = reply.strip();
        if (line.startsWith(SIZE_LIMIT)) {
            return new ExternalResult.NotScanned("clamd: " + SIZE_LIMIT + " (the daemon's StreamMaxLength)");
        }
        if (line.startsWith(STREAM)) {
            String rest = line.substring(STREAM.length());
            if (rest.equals("OK")) {
                return wholeObjectSent
                        ? ExternalResult.clean()
                        : new ExternalResult.Failed("clamd: replied OK before the whole object was sent");
            }
            if (rest.endsWith(FOUND)) {
                String name = EXTENDED_INFO.matcher(rest.substring(0, rest.length() - FOUND.length()).strip())
                        .replaceFirst("");
                return new ExternalResult.Infected(name.isEmpty() ? "clamd.Unnamed" : name);
            }
        }
        if (line.endsWith("ERROR")) {
            return new ExternalResult.Failed("clamd: " + quote(line));
        }
        return new ExternalResult.Failed("clamd: unexpected reply \"" + quote(line) + "\"");
    }

    /** A reply as it may appear in a log: bounded and without control characters. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED));
        for (int i = 0; i < text.length() && out.length() < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > MAX_QUOTED ? out + "..." : out.toString();
    }
}
