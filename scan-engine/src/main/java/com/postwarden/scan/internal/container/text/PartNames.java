package com.postwarden.scan.internal.container.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.NameValuePair;

/**
 * The file name of a MIME part from its {@code Content-Disposition} {@code filename} or {@code Content-Type}
 * {@code name} parameter: RFC 2231 continuations and charset encoding ({@code filename*0*=utf-8''...}) and RFC 2047
 * encoded words (which mail clients put in quoted names against the rules) decoded; the directory part of a path
 * dropped.
 */
final class PartNames {
    private static final int MAX_NAME = 1024;

    private PartNames() {
    }

    /** The value of parameter {@code name} in {@code parameters}, or null. */
    static String parameter(List<NameValuePair> parameters, String name) {
        String plain = null;
        TreeMap<Integer, String> sections = new TreeMap<>();
        TreeMap<Integer, Boolean> encodedSections = new TreeMap<>();
        for (NameValuePair pair : parameters) {
            String key = pair.getName().toLowerCase(Locale.ROOT);
            String value = pair.getValue() == null ? "" : pair.getValue();
            if (key.equals(name)) {
                plain = value;
            } else if (key.equals(name + "*")) {
                sections.put(0, value);
                encodedSections.put(0, true);
            } else if (key.startsWith(name + "*")) {
                String index = key.substring(name.length() + 1);
                boolean encoded = index.endsWith("*");
                index = encoded ? index.substring(0, index.length() - 1) : index;
                if (index.matches("\\d{1,3}")) {
                    sections.put(Integer.parseInt(index), value);
                    encodedSections.put(Integer.parseInt(index), encoded);
                }
            }
        }
        if (sections.isEmpty()) {
            return plain == null ? null : DecoderUtil.decodeEncodedWords(plain, DecodeMonitor.SILENT);
        }
        Charset charset = StandardCharsets.UTF_8;
        StringBuilder joined = new StringBuilder();
        for (var section : sections.entrySet()) {
            String value = section.getValue();
            if (encodedSections.get(section.getKey())) {
                if (section.getKey() == 0) {
                    int first = value.indexOf('\'');
                    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
                    if (second > 0) {
                        charset = charset(value.substring(0, first));
                        value = value.substring(second + 1);
                    }
                }
                value = percentDecode(value, charset);
            }
            joined.append(value);
            if (joined.length() > MAX_NAME) {
                break;
            }
        }
        return joined.toString();
    }

    /** The last path component, without control characters, at most {@link #MAX_NAME} characters. */
    static String baseName(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = name.substring(cut + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String percentDecode(String value, Charset charset) {
        byte[] out = new byte[value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()
                    && Character.digit(value.charAt(i + 1), 16) >= 0 && Character.digit(value.charAt(i + 2), 16) >= 0) {
                out[n++] = (byte) (Character.digit(value.charAt(i + 1), 16) << 4 | Character.digit(value.charAt(i + 2), 16));
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return new String(out, 0, n, charset);
    }
}
