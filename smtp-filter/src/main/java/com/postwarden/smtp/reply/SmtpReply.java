package com.postwarden.smtp.reply;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SMTP reply: a three-digit code, an RFC 3463 enhanced status code and text. Immutable.
 * Replies to clients are made by {@link SmtpReplies}; replies read from a next hop are parsed by
 * {@link #parse(List)} and keep the peer's own text.
 *
 * @param code     the basic reply code (RFC 5321 section 4.2)
 * @param enhanced the enhanced status code such as {@code 2.0.0}, or empty when the peer sent none
 * @param lines    the text lines without code or enhanced code; at least one
 */
public record SmtpReply(int code, String enhanced, List<String> lines) {
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
        Objects.requireNonNull(enhanced, "enhanced");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one line of text");
        }
    }

    public static SmtpReply of(int code, String enhanced, String text) {
        return new SmtpReply(code, enhanced, List.of(text));
    }

    /**
     * Parses the lines of a (possibly multi-line) reply as read from a peer, e.g. {@code 250-a}, {@code 250 b}.
     * An enhanced status code is recognised when every line carries it after the basic code.
     */
    public static SmtpReply parse(List<String> rawLines) {
        if (rawLines.isEmpty()) {
            throw new IllegalArgumentException("empty reply");
        }
        int code = codeOf(rawLines.get(0));
        String enhanced = enhancedOf(rawLines.get(0), code);
        List<String> text = new java.util.ArrayList<>(rawLines.size());
        for (String raw : rawLines) {
            if (codeOf(raw) != code) {
                throw new IllegalArgumentException("reply lines disagree on the code: " + rawLines);
            }
            String rest = raw.length() > 4 ? raw.substring(4) : "";
            if (!enhanced.isEmpty() && rest.startsWith(enhanced)) {
                rest = rest.substring(enhanced.length()).stripLeading();
            }
            text.add(rest);
        }
        return new SmtpReply(code, enhanced, text);
    }

    private static int codeOf(String line) {
        if (line.length() < 3 || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            throw new IllegalArgumentException("not an SMTP reply line: " + line);
        }
        try {
            return Integer.parseInt(line.substring(0, 3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an SMTP reply line: " + line, e);
        }
    }

    private static String enhancedOf(String line, int code) {
        if (line.length() < 5) {
            return "";
        }
        String rest = line.substring(4);
        int end = rest.indexOf(' ');
        String candidate = end < 0 ? rest : rest.substring(0, end);
        return ENHANCED.matcher(candidate).matches() && candidate.charAt(0) - '0' == code / 100
                ? candidate : "";
    }

    public boolean isPositive() {
        return code < 400;
    }

    public boolean isTransientFailure() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanentFailure() {
        return code >= 500;
    }

    /** The text lines joined with a space, for logs and for quoting a peer in another reply. */
    public String text() {
        return String.join(" ", lines);
    }

    /** The reply as sent on the wire, lines separated by CRLF, without the final CRLF. */
    public String toWire() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (!enhanced.isEmpty()) {
                out.append(enhanced).append(' ');
            }
            out.append(lines.get(i));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toWire().replace("\r\n", " / ");
    }
}
