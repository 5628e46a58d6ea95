package com.postwarden.scan.internal.container.installer;

import com.postwarden.scan.internal.content.Content;
import java.io.IOException;

/**
 * The first header of a Nullsoft (NSIS) installer's data, 28 bytes: flags, the signature {@code 0xDEADBEEF},
 * {@code NullsoftInst}, the length of the decompressed installer header and the length of all the data from
 * this header on (the compressed header, the files and, unless disabled, a CRC).
 */
record NsisFirstHeader(long flags, long headerLength, long archiveLength) {
    static final int SIZE = 28;
    /** Where the signature lies in the header; detection is keyed on it. */
    static final int SIGNATURE_OFFSET = 4;
    private static final byte[] SIGNATURE = {(byte) 0xef, (byte) 0xbe, (byte) 0xad, (byte) 0xde, 'N', 'u', 'l', 'l',
        's', 'o', 'f', 't', 'I', 'n', 's', 't'};
    /** The first header and one block length at least. */
    private static final int MIN_ARCHIVE = SIZE + 4;

    /** Whether a first header with plausible lengths starts at {@code at}. */
    static boolean isAt(Content content, long at) {
        return ContentBytes.matches(content, at + SIGNATURE_OFFSET, SIGNATURE) && ContentBytes.u32(content, at + 20) > 0
                && ContentBytes.u32(content, at + 24) >= MIN_ARCHIVE;
    }

    /** The length of the data from the header at {@code at} on, as the header declares it. */
    static long declaredLength(Content content, long at) {
        return ContentBytes.u32(content, at + 24);
    }

    static NsisFirstHeader read(Content content, long at) throws IOException {
        if (!isAt(content, at)) {
            throw new IOException("no NSIS first header (0xDEADBEEF NullsoftInst) at offset " + at);
        }
        return new NsisFirstHeader(ContentBytes.u32(content, at), ContentBytes.u32(content, at + 20),
                ContentBytes.u32(content, at + 24));
    }
}
