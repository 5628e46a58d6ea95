package com.postwarden.scan.internal.container.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The parts of LZX the available encoder (chmcmd, tested through CHM and cabinet files) never writes, on
 * streams written bit by bit.
 */
class LzxDecoderTest {

    @Test
    void storedBlocksOfOddAndEvenSizeFollowOneAnother() throws IOException {
        byte[] first = "odd-sized stored block".substring(0, 21).getBytes(StandardCharsets.US_ASCII);
        byte[] second = "then another".getBytes(StandardCharsets.US_ASCII);
        byte[] stream = new LzxWriter().header(0).stored(first).stored(second).toBytes();

        assertThat(decode(stream, 15, 0, first.length + second.length))
                .isEqualTo(concat(first, second));
    }

    @Test
    void storedBlockStartingOnAWordBoundaryIsPaddedByAWholeWord() throws IOException {
        // literals chosen so that the stored block's 27 header bits end exactly on a word boundary
        int afterTrees = new LzxWriter().header(0).verbatimOfAAndMatches(0, "").bitsInWord();
        int literals = Math.floorMod(5 - afterTrees, 16) + 16;
        LzxWriter writer = new LzxWriter().header(0).verbatimOfAAndMatches(literals, "A".repeat(literals));
        assertThat((writer.bitsInWord() + 27) % 16).isZero();
        byte[] stream = writer.stored("data".getBytes(StandardCharsets.US_ASCII)).toBytes();

        assertThat(decode(stream, 15, 0, literals + 4)).asString(StandardCharsets.US_ASCII)
                .isEqualTo("A".repeat(literals) + "data");
    }

    @Test
    void callTranslationIsUndoneOutsideTheLastTenBytes() throws IOException {
        int fileSize = 1_000_000;
        byte[] frame = new byte[64];
        call(frame, 0, 0x100);
        call(frame, 10, 0x200);
        call(frame, 20, -5);
        call(frame, 30, fileSize);
        call(frame, 40, -100);
        call(frame, 55, 0x300);
        byte[] stream = new LzxWriter().header(fileSize).stored(frame).toBytes();

        byte[] expected = frame.clone();
        call(expected, 10, 0x200 - 10);
        call(expected, 20, -5 + fileSize);
        assertThat(decode(stream, 15, 0, 64)).isEqualTo(expected);
    }

    @Test
    void literalsAndMatchesOfAVerbatimBlockComeOut() throws IOException {
        byte[] stream = new LzxWriter().header(0).verbatimOfAAndMatches(7, "AMM").toBytes();

        assertThat(decode(stream, 15, 0, 7)).asString(StandardCharsets.US_ASCII).isEqualTo("AAAAAAA");
    }

    @Test
    void matchBeforeAnyDataFails() {
        byte[] stream = new LzxWriter().header(0).verbatimOfAAndMatches(4, "MA").toBytes();

        assertThatThrownBy(() -> decode(stream, 15, 0, 4)).isInstanceOf(IOException.class)
                .hasMessageContaining("before the start");
    }

    @Test
    void matchRunningPastItsFrameFailsUnlessTheFrameIsTheLast() throws IOException {
        byte[] stream = new LzxWriter().header(0).verbatimOfAAndMatches(7, "AMM").toBytes();

        assertThatThrownBy(() -> decode(stream, 15, 0, 5)).isInstanceOf(IOException.class)
                .hasMessageContaining("past the end of its frame");
        LzxDecoder lastFrame = new LzxDecoder(BitReader.lzx(new ByteArrayInputStream(stream)), 15, 0);
        byte[] out = new byte[5];
        lastFrame.decodeFrame(out, 5, true);
        assertThat(out).asString(StandardCharsets.US_ASCII).isEqualTo("AAAAA");
    }

    @Test
    void resetIntervalRereadsTheHeaderAndForgetsTheTrees() throws IOException {
        byte[] one = "first frame.".getBytes(StandardCharsets.US_ASCII);
        byte[] two = new byte[16];
        call(two, 0, 0x20);
        LzxWriter writer = new LzxWriter().header(0).stored(one).alignFrame().header(1_000).stored(two);
        LzxDecoder decoder = new LzxDecoder(BitReader.lzx(new ByteArrayInputStream(writer.toBytes())), 15, 1);

        byte[] out = new byte[16];
        decoder.decodeFrame(out, one.length, false);
        assertThat(Arrays.copyOf(out, one.length)).isEqualTo(one);
        decoder.decodeFrame(out, two.length, false);
        byte[] expected = two.clone();
        call(expected, 0, 0x20 - one.length);
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void invalidBlockTypeFails() {
        byte[] stream = new LzxWriter().header(0).bits(5, 3).bits(100, 24).toBytes();

        assertThatThrownBy(() -> decode(stream, 15, 0, 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("block type 5");
    }

    @Test
    void streamEndingInsideAFrameFails() {
        byte[] stream = new LzxWriter().header(0).stored(new byte[100]).toBytes();

        assertThatThrownBy(() -> decode(Arrays.copyOf(stream, 40), 15, 0, 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("ends early");
    }

    @Test
    void windowOutsideTheFormatIsRefused() {
        assertThatThrownBy(() -> new LzxDecoder(BitReader.lzx(new ByteArrayInputStream(new byte[0])), 22, 0))
                .isInstanceOf(IOException.class).hasMessageContaining("window");
    }

    private static byte[] decode(byte[] stream, int windowBits, int resetInterval, int size) throws IOException {
        LzxDecoder decoder = new LzxDecoder(BitReader.lzx(new ByteArrayInputStream(stream)), windowBits, resetInterval);
        byte[] out = new byte[size];
        decoder.decodeFrame(out, size, false);
        return out;
    }

    private static void call(byte[] frame, int position, int target) {
        frame[position] = (byte) 0xe8;
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(position + 1, target);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        ByteBuffer all = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(all::put);
        return all.array();
    }
}
