package com.postwarden.scan.internal.container.cabinet;

import java.io.ByteArrayOutputStream;

/**
 * Writes LZX bit streams by hand for what no available encoder produces: stored blocks, E8 call translation,
 * matches that break the rules. Bits go most significant first into 16-bit little-endian words.
 */
final class LzxWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int word;
    private int bits;

    LzxWriter bits(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            word = word << 1 | (value >>> i) & 1;
            if (++bits == 16) {
                out.write(word & 0xff);
                out.write(word >>> 8);
                word = 0;
                bits = 0;
            }
        }
        return this;
    }

    /** The stream header: no E8 translation, or translation for a file of {@code size} bytes. */
    LzxWriter header(int intelFileSize) {
        return intelFileSize == 0 ? bits(0, 1) : bits(1, 1).bits(intelFileSize >>> 16, 16).bits(intelFileSize, 16);
    }

    /** A stored block: header, 1 to 16 bits of padding, R0-R2 = 1, the bytes and a pad byte if odd. */
    LzxWriter stored(byte[] data) {
        bits(3, 3).bits(data.length, 24);
        bits(0, 16 - bits);
        for (int i = 0; i < 3; i++) {
            out.writeBytes(new byte[] {1, 0, 0, 0});
        }
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return this;
    }

    /**
     * A verbatim block for a 32 KB window whose main code has two symbols of one bit each: the literal 'A'
     * (bit 0) and a match of 3 bytes at offset 1 (bit 1). {@code symbols} lists them as 'A' or 'M'.
     */
    LzxWriter verbatimOfAAndMatches(int blockSize, String symbols) {
        bits(1, 3).bits(blockSize, 24);
        // pretree: symbols 0, 16, 17 and 18 with 2-bit codes 00, 01, 10, 11
        pretree();
        zeros(65);
        bits(0b01, 2); // 'A': length 0 - 16 + 17 = 1
        zeros(190);
        pretree();
        zeros(25);
        bits(0b01, 2); // main symbol 256 + (slot 3 << 3 | length header 1)
        zeros(214);
        pretree();
        zeros(249); // empty length tree
        for (char symbol : symbols.toCharArray()) {
            bits(symbol == 'A' ? 0 : 1, 1);
        }
        return this;
    }

    /** How many bits of the current word are written. */
    int bitsInWord() {
        return bits;
    }

    /** Pads the last word, after the frame's bits, as the encoder realigns at each frame end. */
    LzxWriter alignFrame() {
        if (bits > 0) {
            bits(0, 16 - bits);
        }
        return this;
    }

    byte[] toBytes() {
        alignFrame();
        return out.toByteArray();
    }

    private void pretree() {
        for (int symbol = 0; symbol < 20; symbol++) {
            bits(symbol == 0 || symbol >= 16 && symbol <= 18 ? 2 : 0, 4);
        }
    }

    private void zeros(int count) {
        int left = count;
        while (left >= 20) {
            int run = Math.min(left, 51);
            bits(0b11, 2).bits(run - 20, 5);
            left -= run;
        }
        while (left >= 4) {
            int run = Math.min(left, 19);
            bits(0b10, 2).bits(run - 4, 4);
            left -= run;
        }
        for (; left > 0; left--) {
            bits(0b00, 2);
        }
    }
}
