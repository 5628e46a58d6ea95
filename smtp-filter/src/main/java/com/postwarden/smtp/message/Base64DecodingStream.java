package com.postwarden.smtp.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Decodes base64 (RFC 2045 section 6.8) as leniently as the most lenient mail client, so that nothing a reader
 * could see escapes the scan: characters outside the alphabet are skipped, a missing final padding is tolerated,
 * and decoding goes on after a padding character in the middle (concatenated base64). Each irregularity is
 * reported once to {@code defects}. Never throws for bad input.
 */
final class Base64DecodingStream extends InputStream {
    private static final int[] VALUES = new int[256];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private final InputStream in;
    private final Consumer<String> defects;
    private final byte[] input = new byte[8192];
    private int inputPos;
    private int inputLen;
    private final byte[] output = new byte[3];
    private int outputPos;
    private int outputLen;
    private int bits;
    private int sextets;
    private boolean padded;
    private boolean eof;
    private boolean reportedChar;
    private boolean reportedAfterPadding;

    Base64DecodingStream(InputStream in, Consumer<String> defects) {
        this.in = in;
        this.defects = defects;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (outputPos >= outputLen && sextets == 0 && !padded) {
                n = decodeQuads(b, off, len, n);
                if (n >= len) {
                    break;
                }
            }
            if (outputPos < outputLen) {
                b[off + n++] = output[outputPos++];
            } else if (inputPos < inputLen) {
                accept(input[inputPos++] & 0xff);
            } else if (!eof) {
                fill();
            } else {
                break;
            }
        }
        return n == 0 ? -1 : n;
    }

    /**
     * The fast path for well-formed input: whole groups of four alphabet characters decoded straight into
     * {@code b}. Stops at anything else (line breaks, padding, garbage), which the per-character path handles.
     */
    private int decodeQuads(byte[] b, int off, int len, int n) {
        int pos = inputPos;
        while (n + 3 <= len && pos + 4 <= inputLen) {
            int v0 = VALUES[input[pos] & 0xff];
            int v1 = VALUES[input[pos + 1] & 0xff];
            int v2 = VALUES[input[pos + 2] & 0xff];
            int v3 = VALUES[input[pos + 3] & 0xff];
            if ((v0 | v1 | v2 | v3) < 0) {
                break;
            }
            int value = v0 << 18 | v1 << 12 | v2 << 6 | v3;
            b[off + n] = (byte) (value >> 16);
            b[off + n + 1] = (byte) (value >> 8);
            b[off + n + 2] = (byte) value;
            n += 3;
            pos += 4;
        }
        inputPos = pos;
        return n;
    }

    private void fill() throws IOException {
        inputPos = 0;
        inputLen = Math.max(in.read(input), 0);
        if (inputLen == 0) {
            eof = true;
            finish();
        }
    }

    private void accept(int c) {
        int value = VALUES[c];
        if (value >= 0) {
            if (padded && !reportedAfterPadding) {
                reportedAfterPadding = true;
                defects.accept("base64 data after padding");
            }
            bits = bits << 6 | value;
            if (++sextets == 4) {
                emit(3, bits);
            }
        } else if (c == '=') {
            padded = true;
            if (sextets == 2) {
                emit(1, bits >> 4);
            } else if (sextets == 3) {
                emit(2, bits >> 2);
            } else if (sextets == 1) {
                defects.accept("base64 padding after a single character");
                sextets = 0;
            }
        } else if (c != '\r' && c != '\n' && c != ' ' && c != '\t' && !reportedChar) {
            reportedChar = true;
            defects.accept("character outside the base64 alphabet: 0x" + Integer.toHexString(c));
        }
    }

    private void finish() {
        if (sextets == 1) {
            defects.accept("base64 data ends in the middle of a byte");
            sextets = 0;
        } else if (sextets > 1) {
            defects.accept("base64 data ends without padding");
            emit(sextets - 1, bits >> (sextets == 2 ? 4 : 2));
        }
    }

    /** Puts the low {@code count} bytes of {@code value} into the output buffer. */
    private void emit(int count, int value) {
        for (int i = 0; i < count; i++) {
            output[i] = (byte) (value >> (8 * (count - 1 - i)));
        }
        outputPos = 0;
        outputLen = count;
        sextets = 0;
        bits = 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
