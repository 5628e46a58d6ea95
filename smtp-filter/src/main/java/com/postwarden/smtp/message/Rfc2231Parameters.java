package com.postwarden.smtp.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * Joins and decodes parameters written as RFC 2231 describes: {@code name*=charset'lang'%E2%82%AC} (section 4),
 * continuations {@code name*0=}, {@code name*1*=} (section 3). An extended or continued value wins over a plain
 * one of the same name. Plain values are RFC 2047-decoded. Unlike {@code URLDecoder}, {@code +} stays a plus.
 */
final class Rfc2231Parameters {
    private static final Pattern NAME = Pattern.compile("(.+?)\\*(?:(\\d{1,3})(\\*)?|)");
    private static final Pattern EXTENDED_VALUE = Pattern.compile("([^']*)'[^']*'(.*)", Pattern.DOTALL);

    private Rfc2231Parameters() {
    }

    /** Decodes {@code raw} (lower-case name as written to unquoted value). */
    static Map<String, String> decode(Map<String, String> raw, DefectLog defects) {
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Section>> extended = new HashMap<>();
        raw.forEach((name, value) -> {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                plain.put(name, EncodedWords.decode(value, defects));
            } else if (m.group(2) == null) {
                extended.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(0, new Section(value, true));
            } else {
                extended.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .put(Integer.parseInt(m.group(2)), new Section(value, m.group(3) != null));
            }
        });
        Map<String, String> result = new LinkedHashMap<>(plain);
        extended.forEach((name, sections) -> result.put(name, join(sections, defects)));
        return result;
    }

    private static String join(TreeMap<Integer, Section> sections, DefectLog defects) {
        Charset charset = null;
        boolean charsetKnown = true;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int expected = 0;
        for (Map.Entry<Integer, Section> entry : sections.entrySet()) {
            if (entry.getKey() != expected++) {
                break; // a gap ends the value (section 3: the sections are numbered from 0 without gaps)
            }
            Section section = entry.getValue();
            String text = section.value();
            if (section.encoded() && entry.getKey() == 0) {
                Matcher m = EXTENDED_VALUE.matcher(text);
                if (m.matches()) {
                    charset = CharsetUtil.lookup(m.group(1));
                    charsetKnown = charset != null || m.group(1).isEmpty();
                    text = m.group(2);
                }
            }
            bytes.writeBytes(section.encoded() ? percentDecode(text) : text.getBytes(StandardCharsets.UTF_8));
        }
        if (!charsetKnown) {
            defects.record(MimeDefect.Type.UNKNOWN_CHARSET, "unknown charset in an RFC 2231 parameter");
        }
        return charset != null ? new String(bytes.toByteArray(), charset) : TextDecoder.guess(bytes.toByteArray());
    }

    private static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int literalStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && EncodedWords.hex(text.charAt(i + 1)) >= 0
                    && EncodedWords.hex(text.charAt(i + 2)) >= 0) {
                out.writeBytes(text.substring(literalStart, i).getBytes(StandardCharsets.UTF_8));
                out.write(EncodedWords.hex(text.charAt(i + 1)) * 16 + EncodedWords.hex(text.charAt(i + 2)));
                i += 2;
                literalStart = i + 1;
            }
        }
        out.writeBytes(text.substring(literalStart).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private record Section(String value, boolean encoded) {
    }
}
