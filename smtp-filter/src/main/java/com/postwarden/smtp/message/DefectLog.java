package com.postwarden.smtp.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.james.mime4j.codec.DecodeMonitor;

/**
 * Collects the defects of one parse, each type once per part. Also serves as Mime4J's {@link DecodeMonitor}: its
 * warnings are recorded and never turned into exceptions. One instance per parse; not thread-safe.
 */
final class DefectLog extends DecodeMonitor {
    private static final int MAX_DETAIL = 200;

    private final Map<String, MimeDefect> defects = new LinkedHashMap<>();
    private String path = "";

    /** Sets the part that later defects concern. */
    void at(String partPath) {
        this.path = partPath;
    }

    /** The part that defects are currently recorded for. */
    String path() {
        return path;
    }

    void record(MimeDefect.Type type, String detail) {
        recordAt(path, type, detail);
    }

    void recordAt(String partPath, MimeDefect.Type type, String detail) {
        String shortDetail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail;
        defects.putIfAbsent(type + "@" + partPath, new MimeDefect(type, partPath, shortDetail));
    }

    List<MimeDefect> defects() {
        return new ArrayList<>(defects.values());
    }

    @Override
    public boolean warn(String error, String dropDesc) {
        MimeDefect.Type type = classify(error);
        if (type != null) {
            record(type, error);
        }
        return false;
    }

    @Override
    public boolean isListening() {
        return true;
    }

    /** Maps Mime4J's warning texts to defect types; null for warnings that are not worth reporting. */
    private static MimeDefect.Type classify(String error) {
        String text = error == null ? "" : error.replaceFirst("^Line \\d+: ", "");
        if (text.startsWith("Body part ended prematurely")) {
            return MimeDefect.Type.MISSING_CLOSING_BOUNDARY;
        } else if (text.startsWith("Unexpected end of headers")) {
            return MimeDefect.Type.UNTERMINATED_HEADER;
        } else if (text.startsWith("Invalid header encountered")) {
            return MimeDefect.Type.MALFORMED_HEADER;
        } else if (text.startsWith("Obsolete header encountered")) {
            return MimeDefect.Type.OBSOLETE_HEADER_SYNTAX;
        } else if (text.startsWith("Unexpected base64 byte") || text.startsWith("Unexpected end of BASE64")
                || text.startsWith("Unexpected padding character")) {
            return MimeDefect.Type.INVALID_BASE64;
        } else if (text.startsWith("Malformed encoded value") || text.startsWith("Unexpected ==")) {
            return MimeDefect.Type.INVALID_QUOTED_PRINTABLE;
        } else if (isLineEndOrContentLengthNoise(text)) {
            return null;
        }
        return MimeDefect.Type.OTHER;
    }

    private static boolean isLineEndOrContentLengthNoise(String text) {
        return text.startsWith("Found CR without LF") || text.startsWith("Found LF without CR")
                || text.startsWith("ignored blanks") || text.startsWith("Found non-standard soft line break")
                || text.startsWith("Invalid content length");
    }
}
