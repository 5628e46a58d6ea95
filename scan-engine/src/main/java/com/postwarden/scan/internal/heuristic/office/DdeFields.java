package com.postwarden.scan.internal.heuristic.office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds Word fields whose code is {@code DDE} or {@code DDEAUTO} (a command line Word offers to run, MS-DOCX field
 * codes) in the three forms Word stores fields: WordprocessingML ({@code w:fldSimple/@w:instr}, or
 * {@code w:instrText} runs between {@code w:fldChar} begin and separate, which attackers split into many runs),
 * RTF ({@code {\field{\*\fldinst DDEAUTO ...}}}, text possibly spread over nested groups and {@code \'hh} escapes) and
 * the text of a Word 97 document (field begin mark U+0013 followed by the code, in 8-bit or UTF-16LE text).
 * Hand-written: POI's HWPF reads a whole document into memory, and no library extracts RTF field codes.
 */
final class DdeFields {
    /** Characters of one field code kept; the command follows the {@code DDE} keyword at its start. */
    static final int MAX_CODE = 1024;
    /** Fields open at once (nested) followed; deeper nesting is padding. */
    static final int MAX_NESTING = 32;
    /** Bytes of one RTF field instruction read; formatting groups around the code take a few hundred. */
    static final int MAX_RTF_FIELD_BYTES = 64 << 10;
    /** {@code \fldinst} groups read per RTF document. */
    static final int MAX_RTF_FIELDS = 10_000;
    private static final Pattern DDE = Pattern.compile("^[\\s\"]*DDE(AUTO)?(\\s|\"|$)", Pattern.CASE_INSENSITIVE);
    private static final byte[] FLDINST = "\\fldinst".getBytes(StandardCharsets.US_ASCII);
    private static final int FIELD_BEGIN = 0x13;
    private static final int FIELD_SEPARATOR = 0x14;
    private static final int FIELD_END = 0x15;
    /** Characters of a Word 97 field code looked at: enough for {@code DDEAUTO} and the space after it. */
    private static final int WORD_CODE_PREFIX = 8;

    private DdeFields() {
    }

    static boolean isDde(CharSequence code) {
        return DDE.matcher(code).find();
    }

    /** Whether a WordprocessingML part holds a DDE field; damage or the cap ends the search with what was read. */
    static boolean inWordprocessingMl(InputStream part) {
        Deque<StringBuilder> open = new ArrayDeque<>();
        try {
            XMLStreamReader xml = XmlParts.reader(part);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                if ("fldSimple".equals(element)) {
                    String instr = XmlParts.attribute(xml, "instr");
                    if (instr != null && isDde(instr)) {
                        return true;
                    }
                } else if ("fldChar".equals(element)) {
                    String type = String.valueOf(XmlParts.attribute(xml, "fldCharType"));
                    if ("begin".equals(type) && open.size() < MAX_NESTING) {
                        open.push(new StringBuilder());
                    } else if (("separate".equals(type) || "end".equals(type)) && !open.isEmpty()) {
                        if (isDde(open.pop())) {
                            return true;
                        }
                        if ("separate".equals(type)) {
                            open.push(new StringBuilder(MAX_CODE + 1).append('\u0000')); // result text: no code
                        }
                    }
                } else if ("instrText".equals(element) && !open.isEmpty()) {
                    StringBuilder code = open.peek();
                    String text = xml.getElementText();
                    code.append(text, 0, Math.min(text.length(), Math.max(0, MAX_CODE - code.length())));
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // damaged or cut at the cap: judged on what was read
        }
        return open.stream().anyMatch(DdeFields::isDde);
    }

    /** Whether the text of a Word 97 {@code WordDocument} stream holds a DDE field. */
    static boolean inWordText(InputStream text, long maxBytes) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder code = null;
        long read = 0;
        int n;
        while (read < maxBytes && (n = text.read(buffer)) > 0) {
            read += n;
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (b == FIELD_BEGIN) {
                    code = new StringBuilder();
                } else if (code != null && (b == FIELD_SEPARATOR || b == FIELD_END)) {
                    if (isDde(code)) {
                        return true;
                    }
                    code = null;
                } else if (code != null && b != 0 && !(b == ' ' && code.length() == 0)) {
                    code.append((char) b);
                    if (code.length() == WORD_CODE_PREFIX) {
                        if (isDde(code)) {
                            return true;
                        }
                        code = null;
                    }
                }
            }
        }
        return false;
    }

    /** Whether an RTF document holds a DDE field. */
    static boolean inRtf(ByteBuffer rtf) {
        int fields = 0;
        int from = 0;
        for (int at = indexOf(rtf, from); at >= 0 && fields < MAX_RTF_FIELDS; at = indexOf(rtf, from)) {
            fields++;
            int start = at + FLDINST.length;
            from = start;
            if (start < rtf.limit() && Character.isLetter(rtf.get(start))) {
                continue; // a longer control word
            }
            StringBuilder text = new StringBuilder();
            from = rtfText(rtf, start, text); // each byte is read once: nested \fldinst is part of this text
            if (isDde(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends the plain text of the destination from {@code pos} to its closing brace, control words dropped, up to
     * {@link #MAX_CODE} characters or {@link #MAX_RTF_FIELD_BYTES} bytes; returns where reading stopped.
     */
    private static int rtfText(ByteBuffer rtf, int pos, StringBuilder text) {
        int depth = 0;
        int limit = (int) Math.min(rtf.limit(), (long) pos + MAX_RTF_FIELD_BYTES);
        while (pos < limit && text.length() < MAX_CODE) {
            int c = rtf.get(pos++) & 0xff;
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth < 0) {
                    break;
                }
            } else if (c == '\\' && pos < limit) {
                int next = rtf.get(pos) & 0xff;
                if (next == '\'' && pos + 2 < limit) {
                    int value = Character.digit(rtf.get(pos + 1), 16) << 4 | Character.digit(rtf.get(pos + 2), 16);
                    if (value >= 0) {
                        text.append((char) value);
                    }
                    pos += 3;
                } else if (Character.isLetter(next)) {
                    pos = skipControlWord(rtf, pos);
                } else {
                    text.append((char) next); // \\ \{ \} and other control symbols
                    pos++;
                }
            } else if (c != '\r' && c != '\n') {
                text.append((char) c);
            }
        }
        return pos;
    }

    private static int skipControlWord(ByteBuffer rtf, int pos) {
        int limit = rtf.limit();
        while (pos < limit && Character.isLetter(rtf.get(pos))) {
            pos++;
        }
        if (pos < limit && rtf.get(pos) == '-') {
            pos++;
        }
        while (pos < limit && Character.isDigit(rtf.get(pos))) {
            pos++;
        }
        return pos < limit && rtf.get(pos) == ' ' ? pos + 1 : pos;
    }

    private static int indexOf(ByteBuffer bytes, int from) {
        int last = bytes.limit() - FLDINST.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < FLDINST.length; j++) {
                if (bytes.get(i + j) != FLDINST[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
