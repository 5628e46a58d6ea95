package com.postwarden.scan.internal.container.archive;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * Feeds arbitrary bytes to the hand-written SZDD decoder, behind the SZDD signature so the fuzzer spends its time
 * on the header fields and the LZSS data: nothing but IOException may escape, and no more bytes than the header
 * declares come out. Seeds in {@code SzddFuzzTestInputs/} are files made by {@code mscompress}.
 */
class SzddFuzzTest {
    private static final byte[] SIGNATURE = {'S', 'Z', 'D', 'D', (byte) 0x88, (byte) 0xf0, 0x27, 0x33};
    private static final int MAX_READ = 1 << 20;

    @FuzzTest(maxDuration = "5m")
    void anyBytesExpandWithNothingButIOException(byte[] input) {
        byte[] szdd = input.clone();
        System.arraycopy(SIGNATURE, 0, szdd, 0, Math.min(SIGNATURE.length, szdd.length));
        CappedEntries entries = new CappedEntries(1, MAX_READ);
        try {
            new SzddUnpacker().unpack(Content.of(szdd), entries);
        } catch (IOException expected) {
            return;
        }
        long declared = szdd.length >= 14 ? (szdd[10] & 0xffL) | (szdd[11] & 0xffL) << 8 | (szdd[12] & 0xffL) << 16
                | (szdd[13] & 0xffL) << 24 : 0;
        if (entries.bytes() > Math.min(declared, MAX_READ)) {
            throw new AssertionError(entries.bytes() + " bytes out of an SZDD file declaring " + declared);
        }
    }
}
