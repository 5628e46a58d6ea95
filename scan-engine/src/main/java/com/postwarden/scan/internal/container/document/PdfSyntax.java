package com.postwarden.scan.internal.container.document;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PDF objects (ISO 32000-1 section 7.3) from a window of bytes, tolerantly: what cannot be read ends the
 * value being read instead of failing, since malicious PDFs are malformed on purpose. Values are plain Java
 * objects: {@code Map<String, Object>} dictionaries (keys without the slash), {@code List<Object>} arrays,
 * {@link Name} names (with {@code #xx} escapes decoded, as obfuscated filter names need), {@code byte[]} strings,
 * {@code Long}/{@code Double} numbers, {@link Ref} references, {@code Boolean}, and {@link #NULL}.
 * Nesting deeper than {@link #MAX_NESTING} is cut off, so hostile input cannot exhaust the stack.
 */
final class PdfSyntax {
    static final int MAX_NESTING = 64;
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A name object, {@code /FlateDecode} as {@code Name("FlateDecode")}. */
    record Name(String value) {
    }

    /** An indirect reference {@code 12 0 R}. */
    record Ref(long number, long generation) {
    }

    private final ByteBuffer bytes;
    private final int end;
    private int pos;

    /** Reads from {@code start} up to (not including) {@code end} of {@code bytes} (absolute positions). */
    PdfSyntax(ByteBuffer bytes, int start, int end) {
        this.bytes = bytes;
        this.pos = start;
        this.end = Math.min(end, bytes.limit());
    }

    int position() {
        return pos;
    }

    /** The next value, or {@code null} at the end of the window or at a keyword that is not a value. */
    Object next() {
        return value(0);
    }

    private Object value(int depth) {
        skipSpace();
        if (pos >= end || depth > MAX_NESTING) {
            return null;
        }
        int c = at(pos);
        if (c == '<' && pos + 1 < end && at(pos + 1) == '<') {
            pos += 2;
            return dictionary(depth);
        }
        if (c == '<') {
            pos++;
            return hexString();
        }
        if (c == '[') {
            pos++;
            return array(depth);
        }
        if (c == '(') {
            pos++;
            return literalString();
        }
        if (c == '/') {
            pos++;
            return new Name(nameText());
        }
        if (c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9') {
            return numberOrRef();
        }
        if (isRegular(c)) {
            int start = pos;
            String keyword = regularRun();
            switch (keyword) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return NULL;
                default:
                    pos = start; // a keyword such as stream or endobj ends the value
                    return null;
            }
        }
        pos++; // a stray delimiter: skipped
        return null;
    }

    private Map<String, Object> dictionary(int depth) {
        Map<String, Object> dictionary = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos >= end) {
                return dictionary;
            }
            if (at(pos) == '>' && pos + 1 < end && at(pos + 1) == '>') {
                pos += 2;
                return dictionary;
            }
            if (at(pos) != '/') {
                int before = pos;
                if (value(depth + 1) == null && pos == before) {
                    return dictionary; // a keyword inside a dictionary: it ended without its >>
                }
                continue;
            }
            pos++;
            String key = nameText();
            Object value = value(depth + 1);
            if (value != null) {
                dictionary.put(key, value);
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> array = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= end) {
                return array;
            }
            if (at(pos) == ']') {
                pos++;
                return array;
            }
            int before = pos;
            Object value = value(depth + 1);
            if (value != null) {
                array.add(value);
            } else if (pos == before) {
                return array;
            }
        }
    }

    private Object numberOrRef() {
        Object number = number();
        if (!(number instanceof Long)) {
            return number;
        }
        int mark = pos;
        skipSpace();
        if (pos < end && at(pos) >= '0' && at(pos) <= '9') {
            Object generation = number();
            skipSpace();
            if (generation instanceof Long && pos < end && at(pos) == 'R'
                    && (pos + 1 >= end || !isRegular(at(pos + 1)))) {
                pos++;
                return new Ref((Long) number, (Long) generation);
            }
        }
        pos = mark;
        return number;
    }

    private Object number() {
        int start = pos;
        String text = regularRun();
        try {
            if (text.indexOf('.') < 0 && text.length() < 19) {
                return Long.parseLong(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            pos = Math.max(pos, start + 1);
            return 0L; // PDF readers take a malformed number as 0
        }
    }

    private String nameText() {
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        while (pos < end && isRegular(at(pos))) {
            int c = at(pos++);
            if (c == '#' && pos + 1 < end && hex(at(pos)) >= 0 && hex(at(pos + 1)) >= 0) {
                c = hex(at(pos)) << 4 | hex(at(pos + 1));
                pos += 2;
            }
            name.write(c);
        }
        return name.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] hexString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int high = -1;
        while (pos < end) {
            int c = at(pos++);
            if (c == '>') {
                break;
            }
            int digit = hex(c);
            if (digit < 0) {
                continue;
            }
            if (high < 0) {
                high = digit;
            } else {
                out.write(high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            out.write(high << 4);
        }
        return out.toByteArray();
    }

    private byte[] literalString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int nesting = 1;
        while (pos < end) {
            int c = at(pos++);
            if (c == '(') {
                nesting++;
            } else if (c == ')' && --nesting == 0) {
                break;
            } else if (c == '\\' && pos < end) {
                c = escape();
                if (c < 0) {
                    continue;
                }
            }
            out.write(c);
        }
        return out.toByteArray();
    }

    private int escape() {
        int c = at(pos++);
        switch (c) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case '\r':
                if (pos < end && at(pos) == '\n') {
                    pos++;
                }
                return -1;
            case '\n':
                return -1;
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int i = 0; i < 2 && pos < end && at(pos) >= '0' && at(pos) <= '7'; i++) {
                        value = value * 8 + at(pos++) - '0';
                    }
                    return value & 0xff;
                }
                return c;
        }
    }

    private String regularRun() {
        int start = pos;
        while (pos < end && isRegular(at(pos))) {
            pos++;
        }
        byte[] text = new byte[Math.min(pos - start, 64)];
        bytes.get(start, text);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    void skipSpace() {
        while (pos < end) {
            int c = at(pos);
            if (c == '%') {
                while (pos < end && at(pos) != '\n' && at(pos) != '\r') {
                    pos++;
                }
            } else if (isSpace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private int at(int position) {
        return bytes.get(position) & 0xff;
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    static boolean isDelimiter(int c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}'
                || c == '/' || c == '%';
    }

    static boolean isRegular(int c) {
        return !isSpace(c) && !isDelimiter(c);
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
