package com.postwarden.scan.internal.container.installer;

/**
 * EA06's key stream, which ClamAV calls "LAME": a lagged Fibonacci generator over 17 words with rotations.
 * AutoIt turns each step into a double in [0, 1) and scales it by 256; that equals the step's top eight bits,
 * which is what this returns, without floating point.
 */
final class LameKeyStream implements AutoItKeyStream {
    private static final int WORDS = 17;
    private static final int WARM_UP = 9;
    private final int[] words = new int[WORDS];
    private int first;
    private int second = 10;

    /** AutoIt passes the seed as a 16-bit value; higher bits are dropped as it drops them. */
    LameKeyStream(long seed) {
        int value = (int) (seed & 0xffff);
        for (int i = 0; i < WORDS; i++) {
            value = 1 - value * 0x53a9b4fb;
            words[i] = value;
        }
        for (int i = 0; i < WARM_UP; i++) {
            step();
        }
    }

    @Override
    public int next() {
        step();
        return step() >>> 24;
    }

    private int step() {
        int rolled = Integer.rotateLeft(words[first], 9) + Integer.rotateLeft(words[second], 13);
        words[first] = rolled;
        first = first == 0 ? WORDS - 1 : first - 1;
        second = second == 0 ? WORDS - 1 : second - 1;
        return rolled;
    }
}
