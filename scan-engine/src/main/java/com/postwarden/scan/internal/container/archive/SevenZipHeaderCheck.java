package com.postwarden.scan.internal.container.archive;

import com.postwarden.scan.internal.content.Content;

/**
 * Refuses a 7z archive whose compressed ("encoded") header would decode to more than
 * {@link DecoderLimits#MAX_7Z_HEADER_BYTES}. Commons Compress decodes such a header into one heap array as large
 * as the header's data turns out to be (up to 2 GiB) before any of its memory checks apply, so a few kilobytes
 * of compressed zeros could take the heap. Hand-written because no library tells the declared size before
 * decoding: it reads only the start header and the description of the encoded header's streams (7-Zip's
 * 7zFormat.txt: SignatureHeader, then kEncodedHeader and its StreamsInfo), in the order and with the checks
 * Commons Compress applies when it reads the same bytes. Anything it does not follow is left to that reader,
 * which refuses it.
 */
final class SevenZipHeaderCheck {
    private static final int SIGNATURE_HEADER_SIZE = 32;
    private static final int K_END = 0x00;
    private static final int K_PACK_INFO = 0x06;
    private static final int K_UNPACK_INFO = 0x07;
    private static final int K_SIZE = 0x09;
    private static final int K_CRC = 0x0a;
    private static final int K_FOLDER = 0x0b;
    private static final int K_CODERS_UNPACK_SIZE = 0x0c;
    private static final int K_ENCODED_HEADER = 0x17;
    private static final int SIMPLE_CODER = 0x10;
    private static final int CODER_HAS_ATTRIBUTES = 0x20;
    private static final int CODER_ID_SIZE = 0x0f;

    private final Content content;
    private final int end;
    private int position;

    private SevenZipHeaderCheck(Content content, int start, int end) {
        this.content = content;
        this.position = start;
        this.end = end;
    }

    /** @throws DamagedArchiveException when the encoded header declares more than the allowed size */
    static void check(Content archive) throws DamagedArchiveException {
        if (archive.size() < SIGNATURE_HEADER_SIZE) {
            return;
        }
        long offset = u64le(archive, 12);
        long size = u64le(archive, 20);
        long start = SIGNATURE_HEADER_SIZE + offset;
        if (offset < 0 || size <= 0 || start > archive.size() || size > archive.size() - start) {
            return;
        }
        try {
            new SevenZipHeaderCheck(archive, (int) start, (int) (start + size)).checkEncodedHeader();
        } catch (EndOfHeader e) {
            // a header cut short: the reader proper says so
        }
    }

    private void checkEncodedHeader() throws DamagedArchiveException, EndOfHeader {
        if (nextByte() != K_ENCODED_HEADER) {
            return;
        }
        int nid = nextByte();
        if (nid == K_PACK_INFO) {
            if (!skipPackInfo()) {
                return;
            }
            nid = nextByte();
        }
        if (nid != K_UNPACK_INFO || nextByte() != K_FOLDER) {
            return;
        }
        long folders = number();
        if (nextByte() != 0) {
            return;
        }
        long outputs = 0;
        for (long i = 0; i < folders; i++) {
            outputs += folderOutputs();
        }
        if (nextByte() != K_CODERS_UNPACK_SIZE) {
            return;
        }
        for (long i = 0; i < outputs; i++) {
            long unpackSize = number();
            if (unpackSize < 0 || unpackSize > DecoderLimits.MAX_7Z_HEADER_BYTES) {
                throw ArchiveDamage.damaged(SevenZipUnpacker.FORMAT, "compressed header would decode to "
                        + Long.toUnsignedString(unpackSize) + " bytes, more than the "
                        + DecoderLimits.MAX_7Z_HEADER_BYTES + " allowed");
            }
        }
    }

    /** PackInfo: pack position, stream count, then optional sizes and digests up to kEnd. */
    private boolean skipPackInfo() throws EndOfHeader {
        number();
        long streams = number();
        int nid = nextByte();
        if (nid == K_SIZE) {
            for (long i = 0; i < streams; i++) {
                number();
            }
            nid = nextByte();
        }
        if (nid == K_CRC) {
            long defined = nextByte() != 0 ? streams : countBits(streams);
            skip(4 * defined);
            nid = nextByte();
        }
        return nid == K_END;
    }

    /** One folder's coders, bind pairs and packed streams; returns how many output streams it has. */
    private long folderOutputs() throws EndOfHeader {
        long coders = number();
        long inputs = 0;
        long outputs = 0;
        for (long i = 0; i < coders; i++) {
            int flags = nextByte();
            skip(flags & CODER_ID_SIZE);
            if ((flags & SIMPLE_CODER) == 0) {
                inputs++;
                outputs++;
            } else {
                inputs += number();
                outputs += number();
            }
            if ((flags & CODER_HAS_ATTRIBUTES) != 0) {
                skip(number());
            }
        }
        long bindPairs = outputs - 1;
        for (long i = 0; i < bindPairs; i++) {
            number();
            number();
        }
        long packedStreams = inputs - bindPairs;
        if (packedStreams > 1) {
            for (long i = 0; i < packedStreams; i++) {
                number();
            }
        }
        return outputs;
    }

    /** A bit vector of {@code count} bits, returning how many are set. */
    private long countBits(long count) throws EndOfHeader {
        long set = 0;
        for (long i = 0; i < count; i += 8) {
            set += Integer.bitCount(nextByte() & (0xff00 >>> Math.min(8, count - i)));
        }
        return set;
    }

    /** 7z's variable-length number: the leading one bits of the first byte count the bytes that follow. */
    private long number() throws EndOfHeader {
        int first = nextByte();
        int mask = 0x80;
        long value = 0;
        for (int i = 0; i < 8; i++) {
            if ((first & mask) == 0) {
                return value | (long) (first & (mask - 1)) << (8 * i);
            }
            value |= (long) nextByte() << (8 * i);
            mask >>>= 1;
        }
        return value;
    }

    private int nextByte() throws EndOfHeader {
        if (position >= end) {
            throw new EndOfHeader();
        }
        return content.byteAt(position++) & 0xff;
    }

    private void skip(long count) throws EndOfHeader {
        if (count < 0 || count > end - position) {
            throw new EndOfHeader();
        }
        position += (int) count;
    }

    private static long u64le(Content content, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | content.byteAt(at + i) & 0xff;
        }
        return value;
    }

    /** The header ends before the part checked here does. */
    private static final class EndOfHeader extends Exception {
        private static final long serialVersionUID = 1L;

        EndOfHeader() {
            super(null, null, false, false);
        }
    }
}
