package com.postwarden.scan.internal.container.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decoders of PDF's standard stream filters (ISO 32000-1 section 7.4): Flate with PNG and TIFF predictors,
 * ASCIIHex, ASCII85, LZW and RunLength. All stream: memory is a fixed buffer per decoder (LZW's 4096-entry table,
 * one predictor row of at most {@link #MAX_ROW} bytes), never sized by the document. Damage inside compressed data
 * ends the stream where it is, as PDF readers do: a malicious PDF is often truncated on purpose, and what was
 * decoded still gets scanned.
 */
final class PdfFilterStreams {
    /** Predictor rows longer than this (a row of a 250,000-pixel-wide RGBA image) are not believed. */
    static final int MAX_ROW = 1 << 20;

    private PdfFilterStreams() {
    }

    /** Inflates zlib data, or raw deflate data when the zlib header is missing; stops quietly on damage. */
    static InputStream flate(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        byte[] head = peek.readNBytes(2);
        peek.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0f) == 8 && ((head[0] & 0xff) << 8 | head[1] & 0xff) % 31 == 0;
        return new LenientInflaterStream(peek, new Inflater(!zlib));
    }

    static final class LenientInflaterStream extends DecodingInputStream {
        private final Inflater inflater;
        private final byte[] input = new byte[8192];

        LenientInflaterStream(InputStream in, Inflater inflater) {
            super(in, 16384);
            this.inflater = inflater;
        }

        @Override
        protected int decode(byte[] out) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(out);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished() || inflater.needsDictionary()) {
                        return -1;
                    }
                    int read = source.read(input);
                    if (read < 0) {
                        return -1; // truncated: what was inflated stands
                    }
                    inflater.setInput(input, 0, read);
                }
            } catch (DataFormatException e) {
                return -1;
            }
        }

        @Override
        public void close() throws IOException {
            inflater.end();
            super.close();
        }
    }

    /** ASCIIHexDecode: hex digit pairs, white space ignored, {@code >} ends; an odd last digit counts as {@code d0}. */
    static final class AsciiHex extends DecodingInputStream {
        private boolean finished;

        AsciiHex(InputStream in) {
            super(in, 4096);
        }

        @Override
        protected int decode(byte[] out) throws IOException {
            if (finished) {
                return -1;
            }
            int n = 0;
            int high = -1;
            while (n < out.length) {
                int c = next();
                if (c < 0 || c == '>') {
                    finished = true;
                    if (high >= 0) {
                        out[n++] = (byte) (high << 4);
                    }
                    return n;
                }
                int digit = Character.digit(c, 16);
                if (digit < 0) {
                    continue;
                }
                if (high < 0) {
                    high = digit;
                } else {
                    out[n++] = (byte) (high << 4 | digit);
                    high = -1;
                }
            }
            return n; // the buffer is even-sized, so no digit is left pending here
        }
    }

    /** ASCII85Decode: 5 characters {@code !}..{@code u} per 4 bytes, {@code z} for 4 zeros, {@code ~>} ends. */
    static final class Ascii85 extends DecodingInputStream {
        private boolean finished;

        Ascii85(InputStream in) {
            super(in, 4096);
        }

        @Override
        protected int decode(byte[] out) throws IOException {
            if (finished) {
                return -1;
            }
            int n = 0;
            long group = 0;
            int count = 0;
            while (n + 4 <= out.length) {
                int c = next();
                if (c < 0 || c == '~') {
                    finished = true;
                    if (count > 1) {
                        for (int i = count; i < 5; i++) {
                            group = group * 85 + 84;
                        }
                        for (int i = 0; i < count - 1; i++) {
                            out[n++] = (byte) (group >>> 24 - 8 * i);
                        }
                    }
                    return n;
                }
                if (c == 'z' && count == 0) {
                    for (int i = 0; i < 4; i++) {
                        out[n++] = 0;
                    }
                } else if (c >= '!' && c <= 'u') {
                    group = group * 85 + c - '!';
                    if (++count == 5) {
                        for (int i = 0; i < 4; i++) {
                            out[n++] = (byte) (group >>> 24 - 8 * i);
                        }
                        group = 0;
                        count = 0;
                    }
                }
            }
            if (count > 0) {
                // a group straddles the buffer's end: finish it before returning
                while (count < 5) {
                    int c = next();
                    if (c < 0 || c == '~') {
                        finished = true;
                        break;
                    }
                    if (c >= '!' && c <= 'u') {
                        group = group * 85 + c - '!';
                        count++;
                    }
                }
                int produce = count == 5 ? 4 : count - 1;
                for (int i = count; i < 5; i++) {
                    group = group * 85 + 84;
                }
                for (int i = 0; i < produce && n < out.length; i++) {
                    out[n++] = (byte) (group >>> 24 - 8 * i);
                }
            }
            return n;
        }
    }

    /** RunLengthDecode: a length byte below 128 copies that many plus one, above 128 repeats, 128 ends. */
    static final class RunLength extends DecodingInputStream {
        private boolean finished;

        RunLength(InputStream in) {
            super(in, 256);
        }

        @Override
        protected int decode(byte[] out) throws IOException {
            int length = finished ? -1 : next();
            if (length < 0 || length == 128) {
                finished = true;
                return -1;
            }
            if (length < 128) {
                int n = source.readNBytes(out, 0, length + 1);
                if (n < length + 1) {
                    finished = true;
                }
                return n;
            }
            int value = next();
            if (value < 0) {
                finished = true;
                return -1;
            }
            int count = 257 - length;
            java.util.Arrays.fill(out, 0, count, (byte) value);
            return count;
        }
    }

    /** LZWDecode (ISO 32000-1 7.4.4): 9- to 12-bit codes, 256 clears, 257 ends, code width per EarlyChange. */
    static final class Lzw extends DecodingInputStream {
        private static final int CLEAR = 256;
        private static final int END = 257;
        private static final int TABLE = 4096;
        private final int earlyChange;
        private final short[] prefix = new short[TABLE];
        private final byte[] suffix = new byte[TABLE];
        private final byte[] first = new byte[TABLE];
        private final short[] length = new short[TABLE];
        private int next = 258;
        private int width = 9;
        private int previous = -1;
        private long bits;
        private int bitCount;
        private boolean finished;

        Lzw(InputStream in, int earlyChange) {
            super(in, TABLE + 1);
            this.earlyChange = earlyChange == 0 ? 0 : 1;
            for (int i = 0; i < 256; i++) {
                suffix[i] = (byte) i;
                first[i] = (byte) i;
                length[i] = 1;
                prefix[i] = -1;
            }
        }

        @Override
        protected int decode(byte[] out) throws IOException {
            while (!finished) {
                int code = readCode();
                if (code < 0 || code == END) {
                    finished = true;
                    return -1;
                }
                if (code == CLEAR) {
                    next = 258;
                    width = 9;
                    previous = -1;
                    continue;
                }
                int n;
                if (code < next && (code < 256 || code > END)) {
                    n = expand(code, out);
                    if (previous >= 0) {
                        add(previous, first[code]);
                    }
                } else if (code == next && previous >= 0) {
                    add(previous, first[previous]);
                    n = expand(code, out);
                } else {
                    finished = true; // a code not yet defined: damage
                    return -1;
                }
                previous = code;
                return n;
            }
            return -1;
        }

        private void add(int prefixCode, byte last) {
            if (next >= TABLE) {
                return;
            }
            prefix[next] = (short) prefixCode;
            suffix[next] = last;
            first[next] = first[prefixCode];
            length[next] = (short) (length[prefixCode] + 1);
            next++;
            if (next + earlyChange >= 1 << width && width < 12) {
                width++;
            }
        }

        private int expand(int code, byte[] out) {
            int n = length[code];
            for (int i = n - 1, c = code; i >= 0; i--, c = prefix[c]) {
                out[i] = suffix[c];
            }
            return n;
        }

        private int readCode() throws IOException {
            while (bitCount < width) {
                int c = next();
                if (c < 0) {
                    return -1;
                }
                bits = bits << 8 | c;
                bitCount += 8;
            }
            int code = (int) (bits >>> bitCount - width) & (1 << width) - 1;
            bitCount -= width;
            return code;
        }
    }
}
