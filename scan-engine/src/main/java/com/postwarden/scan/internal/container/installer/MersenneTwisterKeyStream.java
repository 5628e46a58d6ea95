package com.postwarden.scan.internal.container.installer;

/**
 * EA05's key stream: MT19937 seeded the standard way, each tempered output shifted right by one and cut to its
 * low byte, as AutoIt's (and ClamAV's) decrypter uses it.
 */
final class MersenneTwisterKeyStream implements AutoItKeyStream {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] state = new int[N];
    private int index = N;

    MersenneTwisterKeyStream(long seed) {
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            state[i] = i + 0x6c078965 * (state[i - 1] >>> 30 ^ state[i - 1]);
        }
    }

    @Override
    public int next() {
        if (index == N) {
            regenerate();
            index = 0;
        }
        int r = state[index++];
        r ^= r >>> 11;
        r ^= (r & 0xff3a58ad) << 7;
        r ^= (r & 0xffffdf8c) << 15;
        r ^= r >>> 18;
        return r >>> 1 & 0xff;
    }

    private void regenerate() {
        for (int i = 0; i < N; i++) {
            int next = state[(i + 1) % N];
            int y = (state[i] ^ next) & 0x7ffffffe ^ state[i];
            state[i] = y >>> 1 ^ (-(next & 1) & 0x9908b0df) ^ state[(i + M) % N];
        }
    }
}
