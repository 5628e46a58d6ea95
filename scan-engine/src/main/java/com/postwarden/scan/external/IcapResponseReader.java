package com.postwarden.scan.external;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Reads one ICAP reply (RFC 3507 section 4.3): the status line and headers, then the sections named by
 * {@code Encapsulated} — HTTP headers read whole (bounded), a chunked body streamed through a digest and never
 * kept. Every length is bounded before anything is allocated; anything malformed, truncated or too large is an
 * {@link IOException} with the reason, nothing else escapes.
 */
final class IcapResponseReader {

    static final int MAX_LINE = 8 << 10;
    static final int MAX_HEAD_BYTES = 64 << 10;
    static final int MAX_HEADER_FIELDS = 256;
    private static final int MAX_SECTIONS = 4;
    private static final int COPY_BUFFER = 8 << 10;

    private final InputStream in;
    private final long maxBody;
    private int headBytes;

    /**
     * @param in the connection's buffered input
     * @param maxBody the most encapsulated body bytes accepted (a server echoes at most what it was sent)
     */
    IcapResponseReader(InputStream in, long maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    /** Reads one whole reply, including its encapsulated sections. */
    IcapResponse read() throws IOException {
        headBytes = 0;
        String statusLine = line(true);
        if (statusLine == null) {
            throw new IOException("connection closed before a reply");
        }
        if (!statusLine.startsWith("ICAP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("not an ICAP status line: \"" + ClamdReply.quote(statusLine) + "\"");
        }
        int status = statusCode(statusLine, 9);
        String reason = statusLine.length() > 13 ? statusLine.substring(13).strip() : "";
        IcapHeaders headers = headers();
        if (status == 100 || status == 204) {
            return new IcapResponse(status, reason, headers, OptionalInt.empty(), null);
        }
        List<Section> sections = sections(headers.first("Encapsulated").orElse("null-body=0"));
        return encapsulated(status, reason, headers, sections);
    }

    private IcapResponse encapsulated(int status, String reason, IcapHeaders headers, List<Section> sections)
            throws IOException {
        OptionalInt httpStatus = OptionalInt.empty();
        IcapResponse.Body body = null;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (section.name().endsWith("-hdr")) {
                if (i + 1 == sections.size()) {
                    throw new IOException("Encapsulated ends with a header section: " + section.name());
                }
                byte[] head = in.readNBytes(sections.get(i + 1).offset() - section.offset());
                if (head.length < sections.get(i + 1).offset() - section.offset()) {
                    throw new IOException("connection closed inside the encapsulated " + section.name());
                }
                if (section.name().equals("res-hdr")) {
                    httpStatus = OptionalInt.of(httpStatus(head));
                }
            } else if (!section.name().equals("null-body")) {
                body = chunkedBody();
            }
        }
        return new IcapResponse(status, reason, headers, httpStatus, body);
    }

    private static int httpStatus(byte[] head) throws IOException {
        String text = new String(head, 0, Math.min(head.length, MAX_LINE), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' ') {
            throw new IOException("encapsulated response without an HTTP status line");
        }
        return statusCode(text, 9);
    }

    private static int statusCode(String line, int at) throws IOException {
        int code = 0;
        for (int i = at; i < at + 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new IOException("bad status code in \"" + ClamdReply.quote(line) + "\"");
            }
            code = code * 10 + (c - '0');
        }
        if (line.length() > at + 3 && line.charAt(at + 3) != ' ') {
            throw new IOException("bad status code in \"" + ClamdReply.quote(line) + "\"");
        }
        return code;
    }

    private IcapHeaders headers() throws IOException {
        IcapHeaders.Builder builder = new IcapHeaders.Builder();
        while (true) {
            String line = line(false);
            if (line.isEmpty()) {
                return builder.build();
            }
            if (!builder.line(line)) {
                throw new IOException("malformed header line \"" + ClamdReply.quote(line) + "\"");
            }
            if (builder.count() > MAX_HEADER_FIELDS) {
                throw new IOException("more than " + MAX_HEADER_FIELDS + " header fields");
            }
        }
    }

    /** Parses {@code Encapsulated} (RFC 3507 section 4.4.1): ordered offsets, the body section last. */
    static List<Section> sections(String value) throws IOException {
        List<Section> sections = new ArrayList<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0 || sections.size() == MAX_SECTIONS) {
                throw new IOException("malformed Encapsulated \"" + ClamdReply.quote(value) + "\"");
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!name.matches("(req|res)-(hdr|body)|null-body|opt-body")) {
                throw new IOException("unknown Encapsulated section \"" + ClamdReply.quote(name) + "\"");
            }
            int offset = offset(part.substring(eq + 1).strip(), value);
            int previous = sections.isEmpty() ? 0 : sections.get(sections.size() - 1).offset();
            if (offset < previous || (sections.isEmpty() && offset != 0)) {
                throw new IOException("Encapsulated offsets out of order: \"" + ClamdReply.quote(value) + "\"");
            }
            if (!sections.isEmpty() && !sections.get(sections.size() - 1).name().endsWith("-hdr")) {
                throw new IOException("Encapsulated has a section after the body: \"" + ClamdReply.quote(value) + "\"");
            }
            sections.add(new Section(name, offset));
        }
        return sections;
    }

    private static int offset(String digits, String value) throws IOException {
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IOException("bad offset in Encapsulated \"" + ClamdReply.quote(value) + "\"");
        }
        int offset = Integer.parseInt(digits);
        if (offset > MAX_HEAD_BYTES) {
            throw new IOException("encapsulated headers larger than " + MAX_HEAD_BYTES + " bytes");
        }
        return offset;
    }

    /** Reads a chunked body (RFC 9112 section 7.1, ICAP's {@code ieof} extension ignored) into a digest. */
    private IcapResponse.Body chunkedBody() throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        byte[] buffer = new byte[COPY_BUFFER];
        long total = 0;
        while (true) {
            headBytes = 0;
            long size = chunkSize(line(false));
            if (size == 0) {
                while (!line(false).isEmpty()) {
                    // trailer fields: none are meaningful here
                }
                return new IcapResponse.Body(total, sha256.digest());
            }
            if (total + size > maxBody) {
                throw new IOException("encapsulated body larger than " + maxBody + " bytes");
            }
            for (long left = size; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("connection closed inside a body chunk");
                }
                sha256.update(buffer, 0, n);
                left -= n;
            }
            total += size;
            if (!line(false).isEmpty()) {
                throw new IOException("body chunk not followed by CRLF");
            }
        }
    }

    private static long chunkSize(String line) throws IOException {
        int end = line.indexOf(';');
        String hex = (end < 0 ? line : line.substring(0, end)).strip();
        if (hex.isEmpty() || hex.length() > 8) {
            throw new IOException("bad chunk size \"" + ClamdReply.quote(line) + "\"");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new IOException("bad chunk size \"" + ClamdReply.quote(line) + "\"");
            }
            size = size * 16 + digit;
        }
        return size;
    }

    /** One line without its CR LF; {@code null} at a clean end of stream if {@code endAllowed}. */
    private String line(boolean endAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (endAllowed && line.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed in the middle of a reply");
            }
            if (++headBytes > MAX_HEAD_BYTES) {
                throw new IOException("reply head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("reply line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** One entry of {@code Encapsulated}. */
    record Section(String name, int offset) {
    }
}
