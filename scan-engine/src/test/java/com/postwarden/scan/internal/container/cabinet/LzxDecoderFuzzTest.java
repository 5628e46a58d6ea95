package com.postwarden.scan.internal.container.cabinet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.container.DrainingEntries;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;
import java.util.Arrays;

/**
 * Feeds arbitrary LZX streams to the decoder as the two containers carry them: a cabinet folder and a CHM's
 * compressed section. The first byte picks the window (2^15 to 2^21), the second the CHM reset interval, the
 * rest is the stream. A normal build replays the committed seeds in {@code LzxDecoderFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes. Only an {@link IOException} may escape.
 */
class LzxDecoderFuzzTest {
    private static final int FRAMES = 4;
    private static final int BLOCK_INPUT = 4096;

    @FuzzTest(maxDuration = "5m")
    void anyStreamInACabinetFolderDecodesOrFailsWithAnIOException(byte[] input) {
        if (input.length < 2) {
            return;
        }
        byte[] stream = Arrays.copyOfRange(input, 2, input.length);
        CabBuilder cab = new CabBuilder().folder(CabBuilder.LZX | windowBits(input) << 8);
        int blocks = Math.max(1, Math.min(FRAMES, (stream.length + BLOCK_INPUT - 1) / BLOCK_INPUT));
        for (int block = 0; block < blocks; block++) {
            int from = Math.min(stream.length, block * BLOCK_INPUT);
            int to = block + 1 == blocks ? stream.length : Math.min(stream.length, from + BLOCK_INPUT);
            cab.block(Arrays.copyOfRange(stream, from, to), LzxDecoder.FRAME_SIZE);
        }
        unpack(new CabUnpacker(), cab.file("fuzz.bin", (long) blocks * LzxDecoder.FRAME_SIZE, 0, 0).build());
    }

    @FuzzTest(maxDuration = "5m")
    void anyStreamInAHelpFileDecodesOrFailsWithAnIOException(byte[] input) {
        if (input.length < 2) {
            return;
        }
        long length = (long) FRAMES * LzxDecoder.FRAME_SIZE;
        byte[] chm = new ChmBuilder()
                .lzxSection(Arrays.copyOfRange(input, 2, input.length), windowBits(input), 1 + (input[1] & 3), length)
                .entry("/fuzz.bin", 1, 0, length).build();
        unpack(new ChmUnpacker(), chm);
    }

    private static int windowBits(byte[] input) {
        int windows = LzxDecoder.MAX_WINDOW_BITS - LzxDecoder.MIN_WINDOW_BITS + 1;
        return LzxDecoder.MIN_WINDOW_BITS + (input[0] & 0xff) % windows;
    }

    private static void unpack(com.postwarden.scan.internal.container.Unpacker unpacker, byte[] container) {
        try {
            unpacker.unpack(Content.of(container), new DrainingEntries());
        } catch (IOException damaged) {
            // damaged LZX data, reported as such
        }
    }
}
