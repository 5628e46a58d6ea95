package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.content.Content;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes the LZSS data of an SZDD file (Microsoft's {@code COMPRESS.EXE}, expanded by {@code EXPAND.EXE}) as a
 * stream. Hand-written: no Java library reads SZDD. The format: a control byte whose bits, least significant
 * first, say whether the next token is a literal byte (1) or a back-reference (0) of two bytes holding a
 * 12-bit absolute window position and a length of 3 to 18; the 4096-byte window starts filled with spaces and
 * written from position 4080. Output ends at the length the header declares; input ending before that is
 * damage. Memory is the window alone, whatever the header says; each step consumes input or emits output, so
 * it always ends.
 */
final class SzddInputStream extends InputStream {
    private static final int WINDOW = 4096;
    private static final int WINDOW_MASK = WINDOW - 1;
    private static final int WINDOW_START = WINDOW - 16;
    private static final int MIN_MATCH = 3;

    private final Content content;
    private final long length;
    private final byte[] window = new byte[WINDOW];
    private int input;
    private long produced;
    private int windowPosition = WINDOW_START;
    private int control;
    private int controlBitsLeft;
    private int matchPosition;
    private int matchLeft;

    /**
     * @param content the whole SZDD file
     * @param dataStart where the compressed data starts (after the header)
     * @param length the decoded length the header declares
     */
    SzddInputStream(Content content, int dataStart, long length) {
        this.content = content;
        this.input = dataStart;
        this.length = length;
        Arrays.fill(window, (byte) ' ');
    }

    @Override
    public int read() throws DamagedArchiveException {
        if (produced >= length) {
            return -1;
        }
        return next() & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws DamagedArchiveException {
        Objects.checkFromIndexSize(offset, count, buffer.length);
        if (count == 0) {
            return 0;
        }
        if (produced >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - produced);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = next();
        }
        return n;
    }

    /** The next decoded byte; the caller has checked that the declared length allows one more. */
    private byte next() throws DamagedArchiveException {
        byte value;
        if (matchLeft > 0) {
            value = window[matchPosition];
            matchPosition = (matchPosition + 1) & WINDOW_MASK;
            matchLeft--;
        } else {
            if (controlBitsLeft == 0) {
                control = nextInput();
                controlBitsLeft = 8;
            }
            boolean literal = (control & 1) != 0;
            control >>>= 1;
            controlBitsLeft--;
            if (literal) {
                value = (byte) nextInput();
            } else {
                int low = nextInput();
                int high = nextInput();
                matchPosition = low | (high & 0xf0) << 4;
                matchLeft = (high & 0x0f) + MIN_MATCH;
                value = window[matchPosition];
                matchPosition = (matchPosition + 1) & WINDOW_MASK;
                matchLeft--;
            }
        }
        window[windowPosition] = value;
        windowPosition = (windowPosition + 1) & WINDOW_MASK;
        produced++;
        return value;
    }

    private int nextInput() throws DamagedArchiveException {
        if (input >= content.size()) {
            throw ArchiveDamage.damaged("SZDD", "compressed data ends after " + produced + " of the "
                    + length + " bytes the header declares");
        }
        return content.byteAt(input++) & 0xff;
    }
}
